# Source titles (English) for checklists/sources.toml; the date is printed from the `published` field, not from these texts.

source-mss-2023-08-03 = Ministry of State Security, WeChat Q&A on how citizens can report to the national security authorities, as reprinted by The Paper
source-mss-2024-02-07 = Ministry of State Security, WeChat case of a student recruited by foreign intelligence while studying abroad who later stole confidential files at a research institute in China, as reported by Global Times and CNA
source-mss-2024-05-10 = Ministry of State Security, WeChat post on “friendly” approaches to staff stationed overseas, as reported by Global Times and South China Morning Post
source-cctv-2024-05-26 = CCTV News, report on Ministry of State Security guidance citing its WeChat reporting channel and Article 55 of the Counter-Espionage Law
source-mss-2024-09-19 = Ministry of State Security, WeChat post with study-abroad reminders for students, as reported by Guangming Online and Global Times
source-mss-2024-10 = Ministry of State Security, article warning staff of units that handle secrets about fake “travel buddy” ads, military zones and restricted sites, seen in a reprint
source-mss-2024-11-26 = Ministry of State Security, article on risks facing study-tour groups abroad, as reported by Hong Kong China News Agency
source-mss-2024-11-27 = Ministry of State Security, guidance on entry checks and on approaches by foreign intelligence or law-enforcement officers, seen in a reprint
source-cctv-2026-01-26 = CCTV News, report on a Ministry of State Security winter-break reminder for students going abroad
source-mss-summer-guide = Ministry of State Security, summer guide to travelling abroad safely, WeChat post seen in reprints
source-mss-small-gifts = Ministry of State Security, summer article on small gifts that may hide surveillance devices, seen in a reprint
source-counter-espionage-law-2023 = Counter-Espionage Law of the People’s Republic of China, Article 55, revised text adopted by the Standing Committee of the National People’s Congress
source-embassy-sg-2023-08-15 = Chinese Embassy in Singapore, notice listing the MFA consular emergency hotline 12308
source-gqb-2023-02-17 = Chinese Consulate-General in Montreal, reminder on dialling the 12308 hotline from inside and outside China, republished on gqb.gov.cn
source-embassy-is-2022-12-01 = Chinese Embassy in Iceland, notice on Overseas Citizen Registration in the 中国领事 app
source-embassy-us-registration = Chinese Embassy in the United States, notice on Overseas Citizen Registration, as reprinted by China News Service
source-chinaqw-2021-09-01 = China Overseas Chinese Network (中国侨网), report on the 中国领事 app
source-zibo-fao-2024-04-26 = Zibo Foreign Affairs Office, overview of the MFA’s consular service channels
source-mfa-consular-guide = Ministry of Foreign Affairs, Guide to China’s Consular Protection and Assistance, earlier edition
