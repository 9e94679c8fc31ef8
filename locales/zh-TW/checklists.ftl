# 清單文字（繁體中文，台灣）：checklists/*.toml中各清單的標題、適用對象、導言、角色名稱、分節標題和條目。

## student

student-title = 出國留學安全提示清單
student-audience = 適用於出國（境）留學人員，以及為其辦理行前教育的學校。
student-intro = 本清單彙整了國家安全部和外交部針對海外留學人員發布的實用提示。結交朋友是留學生活的一部分；以下要點幫助你辨識少數別有用心的接觸，並清楚遇事該向誰求助。建議出發前從頭到尾讀一遍，並與旅行證件一起存放。
student-before = 出發之前
student-before-procedures = 出發前確認旅行證件仍在有效期限內，依學校規定辦理出國（境）申請核准及報備手續，並查閱最新的官方安全提醒。
student-before-register = 安裝「中國領事」APP並完成「海外公民登記」，方便使領館在必要時聯絡到你。正規的登記不會索取銀行帳戶資料，更不會要求轉帳匯款。
student-before-numbers = 儲存外交部全球領事保護與服務應急熱線（24小時）：+86-10-12308、+86-10-65612308，並在使領館官方網站或中國領事服務網cs.mfa.gov.cn查詢所在領區使領館的領事保護與協助電話。
student-before-alerts = 追蹤「領事直通車」微信公眾號（微信號：LS12308），即時接收安全提醒。透過「中國領事」APP還可經由網路撥打12308，不必另付國際通話費。
student-travel = 旅途與入境
student-travel-luggage = 行李始終放在自己視線範圍內，通過檢查關卡前再親自檢查一遍，以防被人塞入違禁物品，進而藉此脅迫你「合作」。
student-travel-border-calm = 入境時如被詢問，保持冷靜，配合依法進行的檢查；必要時可要求提供口譯，想清楚再回答，不隨意作答。
student-travel-bag-search = 行李被開箱檢查時，本人應在場。涉及國家機密的問題，可以禮貌地拒絕回答。
student-friends = 交友與引薦
student-friends-motives = 結交朋友的同時保持清醒：如有人格外熱心地幫忙，或主動替你引薦新「朋友」，不妨想一想對方想從你這裡得到什麼。
student-friends-introductions = 國家安全部公布的一起案例中，與當事學生交好的一名校方主管向他引薦了兩名外國人，稱他可以給對方「幫忙」。熟人引薦並不等於可靠。
student-friends-grey-areas = 如有熟人帶你出入賭場或參與法律上的灰色活動，要提高警覺：這類經歷日後可能被人用來當作要脅的把柄。
student-information = 資訊與金錢
student-information-fellow-students = 有人要你提供其他中國留學生的情況，無論有沒有報酬，都應拒絕。在公布的案例中，對方索取的資訊隨著交往加深而越來越敏感。
student-information-paid-help = 對以豐厚報酬換取含糊「幫忙」的提議保持警覺。同一案例中，學生先前提供的資訊後來被對方拿來威脅他，逼他加入對方的情報機構。
student-information-shortcuts = 有人提出幫你修改成績、寫推薦信或安排工作，條件是日後繼續「合作」，這是危險訊號，而不是好意。
student-information-academic = 參加學術交流時，不透露任何敏感資訊。
student-if-approached = 如遇拉攏或脅迫
student-if-approached-firm = 明確表明自己的立場：不去對方指定的場所，不簽署任何文件，不收受金錢或禮物。
student-if-approached-consul = 堅持要求聯絡中國駐當地使領館，尋求領事保護。也可撥打24小時熱線+86-10-12308求助。
student-if-approached-remember = 事後記下對方是誰、何時何地與你接觸、說了什麼、提出了什麼要求。
student-reporting = 報告管道與法律規定
student-reporting-abroad = 在境外遇到可疑接觸，應向中國駐當地使領館報告。國家安全機關檢舉受理電話12339是中國境內的短碼，請在回國後使用。
student-reporting-after-return = 回國後，儘速向國家安全機關報告：撥打12339，前往www.12339.gov.cn網站，使用「國家安全部」微信公眾號的檢舉受理管道，或透過所屬學校、單位報告。
student-reporting-promptly = 儘速報告，不要心存僥倖。公布的案例中，當事人回國後沒有及時向國家安全機關報告，繼續為境外情報機構做事，最終受到法律嚴懲。
student-reporting-law = 依照修訂後的《反間諜法》（2023年7月1日起施行）第五十五條，在境外受脅迫或誘騙加入間諜組織、敵對組織的人，如及時向中國駐外機構如實說明情況，或回國後直接或經由所屬單位及時向國家安全機關如實說明，並有悔改表現，可以不予追究。
student-reporting-confidential = 國家安全機關對檢舉人的身分負有保密義務。

## overseas-staff

overseas-staff-title = 駐外人員安全提示清單
overseas-staff-audience = 適用於長期派駐境外工作的中國企業、事業單位人員。
overseas-staff-intro = 本清單將國家安全部和外交部發布的相關提示整理成駐外人員可以直接照做的要點。身在異鄉，希望有正常的社交生活是人之常情；以下內容幫助你在交往中守住工作機密，並在感覺不對勁時知道該找誰。
overseas-staff-role-sensitive = 敏感企業及涉密單位人員
overseas-staff-before = 出發之前
overseas-staff-before-leave-secrets = 不攜帶涉及國家機密的文件、內部資料或未經授權的科研數據出境。
overseas-staff-before-know-your-role = 充分認識自身職務和所掌握資訊的重要性、敏感性與機密性。在境外間諜情報機構眼中，敏感企業的駐外人員是取得第一手資訊的重要來源。
overseas-staff-before-register = 安裝「中國領事」APP並完成「海外公民登記」，方便使領館在必要時聯絡到你。正規的登記不會索取銀行帳戶資料，更不會要求轉帳匯款。
overseas-staff-before-numbers = 儲存外交部全球領事保護與服務應急熱線（24小時）：+86-10-12308、+86-10-65612308，並在使領館官方網站或中國領事服務網cs.mfa.gov.cn查詢所在領區使領館的領事保護與協助電話。
overseas-staff-before-alerts = 追蹤「領事直通車」微信公眾號（微信號：LS12308），即時接收安全提醒。透過「中國領事」APP還可經由網路撥打12308，不必另付國際通話費。
overseas-staff-approaches = 辨識「友好」接近
overseas-staff-approaches-encounter = 國家安全部指出，針對駐外人員的接近手法通常分三步。第一步：製造「偶遇」，主動搭訕，表現得熱情友善、樂於助人。
overseas-staff-approaches-contact = 第二步：頻繁往來，請吃飯，投其所好，分享自己的生活點滴，一步步拉近感情、贏得信任。
overseas-staff-approaches-pressure = 第三步：等你放下戒心後，以欺騙或威脅手段索取國家機密。
overseas-staff-approaches-calm = 遠離親友，想要結交朋友是人之常情。與新認識的人往來時保持冷靜理性，多想想對方的意圖，守住保密意識，抵擋各種誘惑。
overseas-staff-workplace = 辦公與涉密資料
overseas-staff-workplace-lock = 離開座位時，哪怕只是片刻，也要鎖定螢幕、收好涉密文件。國家安全部2024年公布的案例中，一名留學期間遭策反的人員主動提出幫匆忙下班的同事整理桌面，隨後打開該同事的電腦竊取涉密文件。
overseas-staff-workplace-destroy = 涉密資料應由本人依規定程序銷毀，不假手他人。同一案例中，此人「熱心」幫另一名同事清點待銷毀的資料，暗中扣留了部分文件。
overseas-staff-workplace-eager-helpers = 對熱衷於插手本身職責以外涉密事務的人多留個心。該案例中，此人正是依境外情報機構的指使，在同事間充當「熱心人」。
overseas-staff-daily-life = 裝置、禮品與出行
overseas-staff-daily-life-wifi = 不透過公共Wi-Fi登入重要帳號。
overseas-staff-daily-life-gifts = 謹慎接受鑰匙圈、吊飾之類的「小禮物」，這類物品可能暗藏攝影鏡頭、竊聽器或定位裝置。
overseas-staff-daily-life-photos = 不進入軍事區域，不拍攝禁止拍攝的場所。
overseas-staff-daily-life-travel-buddies = 提防網路上以「結伴旅行」為名的招募訊息。國家安全部通報過針對涉密單位人員的這類不實廣告。
overseas-staff-if-approached = 如遇拉攏或脅迫
overseas-staff-if-approached-firm = 明確表明自己的立場：不去對方指定的場所，不簽署任何文件，不收受金錢或禮物。
overseas-staff-if-approached-consul = 堅持要求聯絡中國駐當地使領館，尋求領事保護。也可撥打24小時熱線+86-10-12308求助。
overseas-staff-if-approached-remember = 事後記下對方是誰、何時何地與你接觸、說了什麼、提出了什麼要求。
overseas-staff-reporting = 報告管道與法律規定
overseas-staff-reporting-abroad = 在境外遇到可疑接觸，應向中國駐當地使領館報告。國家安全機關檢舉受理電話12339是中國境內的短碼，請在回國後使用。
overseas-staff-reporting-employer = 回國後，儘速向所屬單位報告相關情況。
overseas-staff-reporting-after-return = 回國後也可直接向國家安全機關報告：撥打12339，前往www.12339.gov.cn網站，或使用「國家安全部」微信公眾號的檢舉受理管道。
overseas-staff-reporting-law = 依照修訂後的《反間諜法》（2023年7月1日起施行）第五十五條，在境外受脅迫或誘騙加入間諜組織、敵對組織的人，如及時向中國駐外機構如實說明情況，或回國後直接或經由所屬單位及時向國家安全機關如實說明，並有悔改表現，可以不予追究。
overseas-staff-reporting-confidential = 國家安全機關對檢舉人的身分負有保密義務。

## short-trip

short-trip-title = 短期出國（境）安全提示清單
short-trip-audience = 適用於商務出差、出訪團、遊學團成員及短期出境旅遊人員。
short-trip-intro = 短期出行時間緊、節奏快，幾個好習慣格外重要：管好行李和資料，出入境時沉著應對，清楚遇事該聯絡誰。本清單彙整了國家安全部和外交部的相關提示，建議出發前讀一遍。
short-trip-before = 出發之前
short-trip-before-leave-secrets = 涉及國家機密的文件、內部資料以及未經授權的科研數據，一律不帶出境。
short-trip-before-numbers = 儲存外交部全球領事保護與服務應急熱線（24小時）：+86-10-12308、+86-10-65612308，並在使領館官方網站或中國領事服務網cs.mfa.gov.cn查詢目的地使領館的領事保護與協助電話。
short-trip-before-home-number = 在中國境內撥打該熱線的號碼是010-12308，可將以上號碼留給家人。
short-trip-before-register = 安裝「中國領事」APP並完成「海外公民登記」。正規的登記不會索取銀行帳戶資料，更不會要求轉帳匯款。
short-trip-before-alerts = 追蹤「領事直通車」微信公眾號（微信號：LS12308），即時接收安全提醒。透過「中國領事」APP還可經由網路撥打12308，不必另付國際通話費。
short-trip-border = 行李與出入境檢查
short-trip-border-luggage = 行李始終放在自己視線範圍內，通過檢查關卡前再親自檢查一遍，以防被人塞入違禁物品，進而藉此脅迫你「合作」。
short-trip-border-calm = 入境時如被詢問，保持冷靜，配合依法進行的檢查；必要時可要求提供口譯，想清楚再回答，不隨意作答。
short-trip-border-bag-search = 行李被開箱檢查時，本人應在場。涉及國家機密的問題，可以禮貌地拒絕回答。
short-trip-border-closed-room = 國家安全部提醒，遊學團成員入境時可能被帶到單獨的房間詢問，甚至被強行檢查手機和電腦。遇到這種情況要保持冷靜，要求聯絡中國駐當地使領館。
short-trip-people = 交往與交流
short-trip-people-getting-close = 對藉導遊服務、交朋友、學術交流或主動幫忙等名義迅速「套交情」的人保持距離，這些是國家安全部點名的針對遊學團的常見接近手法。
short-trip-people-academic = 參加學術交流和參觀訪問時，不透露任何敏感資訊。
short-trip-people-gifts = 謹慎接受鑰匙圈、吊飾之類的「小禮物」，這類物品可能暗藏攝影鏡頭、竊聽器或定位裝置。
short-trip-people-grey-areas = 如有熟人帶你出入賭場或參與法律上的灰色活動，要提高警覺：這類經歷日後可能被人用來當作要脅的把柄。
short-trip-sightseeing = 觀光與出行
short-trip-sightseeing-photos = 不進入軍事區域，不拍攝禁止拍攝的場所。
short-trip-sightseeing-travel-buddies = 對網路上以「結伴旅行」為名的招募訊息多加小心。國家安全部通報過藉此接近涉密單位人員的不實廣告。
short-trip-sightseeing-wifi = 不透過公共Wi-Fi登入重要帳號。
short-trip-if-approached = 如遇拉攏或脅迫
short-trip-if-approached-firm = 明確表明自己的立場：不去對方指定的場所，不簽署任何文件，不收受金錢或禮物。
short-trip-if-approached-consul = 堅持要求聯絡中國駐當地使領館，尋求領事保護。也可撥打24小時熱線+86-10-12308求助。
short-trip-if-approached-remember = 事後記下對方是誰、何時何地與你接觸、說了什麼，回國後儘速向所屬單位或國家安全機關（12339）報告。
short-trip-reporting = 報告管道與法律規定
short-trip-reporting-abroad = 在境外遇到可疑接觸，應向中國駐當地使領館報告。國家安全機關檢舉受理電話12339是中國境內的短碼，請在回國後使用。
short-trip-reporting-after-return = 回國後，儘速向國家安全機關報告：撥打12339，前往www.12339.gov.cn網站，使用「國家安全部」微信公眾號的檢舉受理管道，或透過所屬單位報告。
short-trip-reporting-law = 依照修訂後的《反間諜法》（2023年7月1日起施行）第五十五條，在境外受脅迫或誘騙加入間諜組織、敵對組織的人，如及時向中國駐外機構如實說明情況，或回國後直接或經由所屬單位及時向國家安全機關如實說明，並有悔改表現，可以不予追究。
