# Checklist texts (English): titles, audiences, intros, role names, section headings and items for checklists/*.toml.

## student

student-title = Studying abroad: security checklist
student-audience = For students going abroad to study, and for the schools that brief them before departure.
student-intro = This checklist brings together practical advice that China’s Ministry of State Security (MSS) and Ministry of Foreign Affairs (MFA) have published for students abroad. Making friends is part of studying abroad; these points help you notice the rare contact that is not what it seems and know whom to turn to. Read it before you leave and keep it with your travel documents.
student-before = Before you leave
student-before-procedures = Check that your travel documents are valid, complete your university’s approval and reporting procedures for going abroad, and read the latest official safety reminders before you set off.
student-before-register = Install the Ministry of Foreign Affairs’ 中国领事 app and complete Overseas Citizen Registration (海外公民登记) so that the embassy or consulate can reach you if needed. Genuine registration never asks for bank details or money transfers.
student-before-numbers = Save the MFA’s 24-hour consular emergency hotline, +86-10-12308 or +86-10-65612308, and look up the consular protection number of the embassy or consulate for your area on its website or on cs.mfa.gov.cn.
student-before-alerts = Follow the Ministry of Foreign Affairs’ consular WeChat account 领事直通车 (WeChat ID LS12308) for safety alerts. The 中国领事 app can also place a call to 12308 over the internet, without international call charges.
student-travel = On the journey and at the border
student-travel-luggage = Keep your luggage where you can see it, and check it again yourself before you pass a checkpoint. Something slipped into a bag can later be used to pressure you into “cooperating”.
student-travel-border-calm = If you are questioned on entry, stay calm and cooperate with lawful checks. Ask for an interpreter if you need one, and think before you answer instead of replying casually.
student-travel-bag-search = Be present when your bags are opened for inspection. You may politely decline questions that touch on state secrets.
student-friends = Friends and introductions
student-friends-motives = Make friends, but keep a clear head: when someone is unusually eager to help you or to introduce you to new “friends”, ask yourself what they might want in return.
student-friends-introductions = In a case published by MSS, a senior member of the university who had befriended the student introduced him to two foreigners, saying he could “help” them. An introduction from someone you know is no guarantee.
student-friends-grey-areas = Be careful if acquaintances steer you towards casinos or legally grey activities: what happens there can later be used as leverage against you.
student-information = Information and money
student-information-fellow-students = Decline requests to pass on information about other Chinese students, whether you are offered money or asked as a favour. In the published case, such requests grew more sensitive over time.
student-information-paid-help = Be wary of generous payment for vague “help”. In the same case, the information the student had already handed over was later used to threaten him into joining their intelligence agency.
student-information-shortcuts = Treat an offer to change your grades, write a recommendation letter or arrange a job in return for continued “cooperation” as a warning sign, not a kindness.
student-information-academic = In academic exchanges, disclose nothing sensitive.
student-if-approached = If you are approached or pressured
student-if-approached-firm = State your position clearly. Do not go to any place they choose, sign nothing, and accept no money or gifts.
student-if-approached-consul = Insist on contacting the Chinese embassy or consulate for consular protection. The 24-hour hotline +86-10-12308 is another way to ask for help.
student-if-approached-remember = Afterwards, write down who approached you, when and where, and what was said or asked.
student-reporting = Reporting and the law
student-reporting-abroad = While abroad, report a suspicious approach to the Chinese embassy or consulate. The national security hotline 12339 is a domestic short number: keep it for after your return.
student-reporting-after-return = After returning to China, tell the national security authorities promptly: call 12339, use www.12339.gov.cn or the reporting channel of the Ministry of State Security’s WeChat account (国家安全部), or report through your university or employer.
student-reporting-promptly = Report promptly rather than hoping the matter will fade. In the published case, the student did not report to the national security authorities after returning, kept working for foreign intelligence and was eventually severely punished by law.
student-reporting-law = Under Article 55 of the revised Counter-Espionage Law (in force since 1 July 2023), someone coerced or tricked abroad into joining a spy or hostile organisation who promptly and truthfully explains this to a Chinese mission abroad, or after returning to the national security authorities (directly or via their employer), and shows repentance may be exempted from liability.
student-reporting-confidential = The national security authorities must keep the identity of people who report to them confidential.

## overseas-staff

overseas-staff-title = Working abroad: security checklist for staff posted overseas
overseas-staff-audience = For employees of Chinese enterprises and institutions posted abroad for longer periods.
overseas-staff-intro = This checklist turns guidance from China’s Ministry of State Security (MSS) and Ministry of Foreign Affairs (MFA) into practical steps for people working abroad. Far from home, it is natural to want a social life; these points help you keep confidential work information safe while you do, and tell you where to turn if something feels wrong.
overseas-staff-role-sensitive = Staff of sensitive enterprises and of units that handle secrets
overseas-staff-before = Before you go
overseas-staff-before-leave-secrets = Do not take documents involving state secrets, internal materials or research data you are not authorised to take abroad.
overseas-staff-before-know-your-role = Be clear about how important, sensitive and confidential your position and the information you hold are. Foreign intelligence services see staff of sensitive enterprises abroad as a source of first-hand information.
overseas-staff-before-register = Install the Ministry of Foreign Affairs’ 中国领事 app and complete Overseas Citizen Registration (海外公民登记) so that the embassy or consulate can reach you if needed. Genuine registration never asks for bank details or money transfers.
overseas-staff-before-numbers = Save the MFA’s 24-hour consular emergency hotline, +86-10-12308 or +86-10-65612308, and look up the consular protection number of the embassy or consulate for your area on its website or on cs.mfa.gov.cn.
overseas-staff-before-alerts = Follow the Ministry of Foreign Affairs’ consular WeChat account 领事直通车 (WeChat ID LS12308) for safety alerts. The 中国领事 app can also place a call to 12308 over the internet, without international call charges.
overseas-staff-approaches = How “friendly” approaches work
overseas-staff-approaches-encounter = MSS says those who target overseas staff usually proceed in three stages. First, they contrive a “chance encounter”, strike up a conversation and come across as friendly and keen to help.
overseas-staff-approaches-contact = Second, they keep in frequent contact, invite you to meals, cater to your interests and share stories about their own life, step by step winning your trust.
overseas-staff-approaches-pressure = Third, once you have let your guard down, they use trickery or threats to obtain state secrets.
overseas-staff-approaches-calm = It is natural to want company when you are far from family and friends. With new acquaintances, stay calm and rational, consider what they may be after, keep your sense of confidentiality and resist temptation.
overseas-staff-workplace = At your desk and with documents
overseas-staff-workplace-lock = Lock your screen and put confidential files away whenever you leave your desk, even briefly. In a case published by MSS in 2024, a man recruited while studying abroad offered to tidy a colleague’s desk when the colleague left work in a hurry, then opened the colleague’s computer and stole confidential documents.
overseas-staff-workplace-destroy = Destroy confidential material yourself, following the proper procedure; do not hand it to others. In the same case, the man “eagerly” helped another colleague sort material for destruction and secretly kept some of the files.
overseas-staff-workplace-eager-helpers = Take note when someone is unusually keen to get involved in confidential work outside their own duties. In that case, the man was following foreign intelligence instructions to play the “helpful colleague”.
overseas-staff-daily-life = Devices, gifts and outings
overseas-staff-daily-life-wifi = Do not sign in to important accounts over public Wi-Fi.
overseas-staff-daily-life-gifts = Think twice before accepting small gifts such as key rings or pendants: objects like these can conceal cameras, microphones or location trackers.
overseas-staff-daily-life-photos = Do not enter military zones, and do not take photographs of restricted sites.
overseas-staff-daily-life-travel-buddies = Be wary of online “travel buddy” offers. MSS has reported fake ads of this kind aimed at staff of units that handle secrets.
overseas-staff-if-approached = If you are approached or pressured
overseas-staff-if-approached-firm = State your position clearly. Do not go to any place they choose, sign nothing, and accept no money or gifts.
overseas-staff-if-approached-consul = Insist on contacting the Chinese embassy or consulate for consular protection. The 24-hour hotline +86-10-12308 is another way to ask for help.
overseas-staff-if-approached-remember = Afterwards, write down who approached you, when and where, and what was said or asked.
overseas-staff-reporting = Reporting and the law
overseas-staff-reporting-abroad = While abroad, report a suspicious approach to the Chinese embassy or consulate. The national security hotline 12339 is a domestic short number: keep it for after your return.
overseas-staff-reporting-employer = After returning to China, report the matter to your employer promptly.
overseas-staff-reporting-after-return = After returning, you can also tell the national security authorities directly: call 12339, use www.12339.gov.cn or the reporting channel of the Ministry of State Security’s WeChat account (国家安全部).
overseas-staff-reporting-law = Under Article 55 of the revised Counter-Espionage Law (in force since 1 July 2023), someone coerced or tricked abroad into joining a spy or hostile organisation who promptly and truthfully explains this to a Chinese mission abroad, or after returning to the national security authorities (directly or via their employer), and shows repentance may be exempted from liability.
overseas-staff-reporting-confidential = The national security authorities must keep the identity of people who report to them confidential.

## short-trip

short-trip-title = Short trips abroad: security checklist
short-trip-audience = For business travellers, delegation and study-tour members, and tourists on short trips abroad.
short-trip-intro = A short trip leaves little time to settle in, so a few habits matter most: keep your luggage and data under control, stay composed at the border, and know whom to call. This checklist summarises the relevant advice from China’s Ministry of State Security (MSS) and Ministry of Foreign Affairs (MFA); read it before you set off.
short-trip-before = Before you set off
short-trip-before-leave-secrets = Leave behind documents involving state secrets, internal materials and any research data you are not authorised to take abroad.
short-trip-before-numbers = Save the MFA’s 24-hour consular emergency hotline, +86-10-12308 or +86-10-65612308, and look up the consular protection number of the embassy or consulate at your destination on its website or on cs.mfa.gov.cn.
short-trip-before-home-number = From inside China, the same hotline is reached on 010-12308; leave these numbers with your family.
short-trip-before-register = Install the Ministry of Foreign Affairs’ 中国领事 app and complete Overseas Citizen Registration (海外公民登记). Genuine registration never asks for bank details or money transfers.
short-trip-before-alerts = Follow the Ministry of Foreign Affairs’ consular WeChat account 领事直通车 (WeChat ID LS12308) for safety alerts. The 中国领事 app can also place a call to 12308 over the internet, without international call charges.
short-trip-border = Luggage and border checks
short-trip-border-luggage = Keep your luggage where you can see it, and check it again yourself before you pass a checkpoint. Something slipped into a bag can later be used to pressure you into “cooperating”.
short-trip-border-calm = If you are questioned on entry, stay calm and cooperate with lawful checks. Ask for an interpreter if you need one, and think before you answer instead of replying casually.
short-trip-border-bag-search = Be present when your bags are opened for inspection. You may politely decline questions that touch on state secrets.
short-trip-border-closed-room = MSS warns that study-tour members may be taken to a separate room for questioning on entry, and even have their phones and laptops checked by force. If this happens, stay calm and ask to contact the Chinese embassy or consulate.
short-trip-people = People you meet
short-trip-people-getting-close = Keep some distance from people who try to get close quickly, whether as guides, new friends, academic contacts or helpful strangers. MSS names these as common ways of approaching study-tour groups.
short-trip-people-academic = In academic exchanges and visits, disclose nothing sensitive.
short-trip-people-gifts = Think twice before accepting small gifts such as key rings or pendants: objects like these can conceal cameras, microphones or location trackers.
short-trip-people-grey-areas = Be careful if acquaintances steer you towards casinos or legally grey activities: what happens there can later be used as leverage against you.
short-trip-sightseeing = Sightseeing and getting around
short-trip-sightseeing-photos = Do not enter military zones, and do not take photographs of restricted sites.
short-trip-sightseeing-travel-buddies = Be careful with online “travel buddy” offers. MSS has reported fake ones used to approach staff of units that handle secrets.
short-trip-sightseeing-wifi = Do not sign in to important accounts over public Wi-Fi.
short-trip-if-approached = If you are approached or pressured
short-trip-if-approached-firm = State your position clearly. Do not go to any place they choose, sign nothing, and accept no money or gifts.
short-trip-if-approached-consul = Insist on contacting the Chinese embassy or consulate for consular protection. The 24-hour hotline +86-10-12308 is another way to ask for help.
short-trip-if-approached-remember = Afterwards, write down who approached you, when and where, and what was said; on your return, report it promptly to your employer or to the national security authorities (12339).
short-trip-reporting = Reporting and the law
short-trip-reporting-abroad = While abroad, report a suspicious approach to the Chinese embassy or consulate. The national security hotline 12339 is a domestic short number: keep it for after your return.
short-trip-reporting-after-return = After returning to China, tell the national security authorities promptly: call 12339, use www.12339.gov.cn or the reporting channel of the Ministry of State Security’s WeChat account (国家安全部), or report through your employer.
short-trip-reporting-law = Under Article 55 of the revised Counter-Espionage Law (in force since 1 July 2023), someone coerced or tricked abroad into joining a spy or hostile organisation who promptly and truthfully explains this to a Chinese mission abroad, or after returning to the national security authorities (directly or via their employer), and shows repentance may be exempted from liability.
