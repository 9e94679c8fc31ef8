# 介面與文件標籤（繁體中文，台灣）：語言名稱、日期、頁尾、資料來源。

language-name = 繁體中文（台灣）

# 日期：$year、$month（1–12）、$day。
ui-date = { $year }年{ $month }月{ $day }日
ui-date-month = { $year }年{ $month }月
ui-date-year = { $year }年
ui-month-name = { $month }月

# 每頁頁尾。
ui-page = 第{ $page }頁，共{ $total }頁

# How a tappable number or address is described to a screen reader.
ui-link-call = 撥打 { $number }
ui-link-open = 開啟 { $address }

# 文末資料來源。
ui-sources = 資料來源
ui-source-ref = [{ $refs }]
ui-source-entry = { $title }，{ $date }。
ui-source-entry-undated = { $title }（發布日期未經確認）。
ui-as-of = 本清單資訊截至{ $date }。出發前請依所列來源確認是否有更新。

# 使用 --role 選入專門條目時，標題下的說明；$roles 為所選角色。
ui-edition = 本版包含以下人員的專門提示：{ $roles }
ui-list-separator = ；

# 剪下隨身攜帶的聯絡卡（checklists/card.toml）。
card-title = 緊急求助與報告聯絡方式
card-cut = { $languages ->
    [1] 沿虛線剪下，與護照一同隨身攜帶。
   *[other] 沿虛線剪下，沿實線對折，與護照一同隨身攜帶。
}
card-hotline = 外交部全球領事保護與服務應急熱線（24小時）：+86-10-12308、+86-10-65612308
card-mission = 中國駐當地使領館領事保護與協助電話：____________________（可在使領館官網或cs.mfa.gov.cn查詢）
card-mission-known = { $name }領事保護與協助電話（24小時）：{ $phone }
card-return = 回國後向國家安全機關報告：12339或www.12339.gov.cn

# 單位行前教育資料（--profile packet）：封面、單位要求、確認書。
ui-org-name = { $org }
ui-packet-kind = 出國（境）人員行前安全教育資料
ui-cover-employee = 人員姓名：{ $name }
ui-cover-destination = 前往國家（地區）：{ $destination }
ui-cover-departure = 出發日期：{ $date }
ui-cover-date = 發放日期：{ $date }
ui-org-items = { $org }的要求
ui-org-contacts = { $org }聯絡方式
ui-contact-officer = 保密安全負責人：{ $name }，{ $details }
ui-contact = { $name }：{ $details }
ui-ack-heading = 確認書
ui-ack-statement = 本人{ $name }確認，已收到、閱讀並理解{ $org }提供的《{ $checklist }》，知悉在境外及回國後的報告管道。
ui-ack-name = 姓名（正楷）
ui-ack-signature = 簽名
ui-ack-date = 日期
ui-ack-checklist = 清單：《{ $checklist }》（{ $date }版）
ui-ack-read = 本人已閱讀並理解本清單。
ui-ack-countersignature = 保密安全負責人簽名
# 錢包卡上的單位一行：單位名稱和保密安全負責人（或第一位聯絡人）的電話。
ui-card-org = { $org }：{ $contacts }
ui-card-contact = { $name } { $details }

# 求助與報告管道（checklists/channels.toml）。
ui-channels-heading = 求助與報告管道：{ $destination }
ui-channels-heading-blank = 求助與報告管道
ui-mission-name = { $name }（{ $city }）
ui-mission-phone = 領事保護與協助電話（24小時）：{ $phone }
ui-mission-no-phone = 領事保護電話請在使領館官網或「中國領事」App查詢
ui-mission-address = 地址：{ $address }
ui-mission-website = 網站：{ $website }
ui-mission-as-of = 資訊日期：{ $date }
ui-verify-note = （{ $date }資訊，出發前請再確認）
ui-verify = 出發前請再確認
ui-mission-none = 目前尚無經確認的中國駐{ $destination }使領館資訊，請在出發前透過cs.mfa.gov.cn或「中國領事」App查詢。
ui-mission-blank-name = 居住地所屬領區的中國駐外使領館：______________________________
ui-mission-blank-phone = 領事保護與協助電話：____________________（可在使領館官網或「中國領事」App查詢）
ui-channel-hotline = { $name }（24小時，在境外均可撥打）：{ $contact }
ui-channel-after-return = 回國後可透過{ $name }：{ $contact }
ui-channel-employer = 回國後也可以透過國內所屬學校或單位向國家安全機關報告。
ui-or = 或
# 行程中各國之間。
ui-name-separator = 、
