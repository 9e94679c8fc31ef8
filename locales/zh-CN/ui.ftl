# 界面与文档标签（简体中文）：语言名称、日期、页脚、资料来源。

language-name = 简体中文

# 日期：$year、$month（1–12）、$day。
ui-date = { $year }年{ $month }月{ $day }日
ui-date-month = { $year }年{ $month }月
ui-date-year = { $year }年
ui-month-name = { $month }月

# 每页页脚。
ui-page = 第{ $page }页，共{ $total }页

# How a tappable number or address is described to a screen reader.
ui-link-call = 拨打 { $number }
ui-link-open = 打开 { $address }

# 文末资料来源。
ui-sources = 资料来源
ui-source-ref = [{ $refs }]
ui-source-entry = { $title }，{ $date }。
ui-source-entry-undated = { $title }（发布日期未经核实）。
ui-as-of = 本清单信息截至{ $date }。出行前请按所列来源核对是否有更新。

# 使用 --role 选入专项条目时，标题下的说明；$roles 为所选角色。
ui-edition = 本版包含以下人员的专项提示：{ $roles }
ui-list-separator = ；

# 剪下随身携带的联系卡（checklists/card.toml）。
card-title = 紧急求助与报告联系方式
card-cut = { $languages ->
    [1] 沿虚线剪下，与护照一同随身携带。
   *[other] 沿虚线剪下，沿实线对折，与护照一同随身携带。
}
card-hotline = 外交部全球领事保护与服务应急热线（24小时）：+86-10-12308、+86-10-65612308
card-mission = 中国驻当地使领馆领事保护与协助电话：____________________（可在使领馆官网或cs.mfa.gov.cn查询）
card-return = 回国后向国家安全机关报告：12339或www.12339.gov.cn

# 单位行前教育材料（--profile packet）：封面、单位要求、确认书。
ui-org-name = { $org }
ui-packet-kind = 出国（境）人员行前安全教育材料
ui-cover-employee = 人员姓名：{ $name }
ui-cover-destination = 前往国家（地区）：{ $destination }
ui-cover-departure = 出发日期：{ $date }
ui-cover-date = 发放日期：{ $date }
ui-org-items = { $org }的要求
ui-org-contacts = { $org }联系方式
ui-contact-officer = 保密安全负责人：{ $name }，{ $details }
ui-contact = { $name }：{ $details }
ui-ack-heading = 确认书
ui-ack-statement = 本人{ $name }确认，已收到、阅读并理解{ $org }提供的《{ $checklist }》，知晓在境外及回国后的报告渠道。
ui-ack-name = 姓名（正楷）
ui-ack-signature = 签名
ui-ack-date = 日期
ui-ack-checklist = 清单：《{ $checklist }》（{ $date }版）
ui-ack-read = 本人已阅读并理解本清单。
ui-ack-countersignature = 保密安全负责人签字
# 钱包卡上的单位一行：单位名称和保密安全负责人（或第一位联系人）的电话。
ui-card-org = { $org }：{ $contacts }
ui-card-contact = { $name } { $details }

# 求助与报告渠道（checklists/channels.toml）。
ui-channels-heading = 求助与报告渠道：{ $destination }
ui-channels-heading-blank = 求助与报告渠道
ui-mission-name = { $name }（{ $city }）
ui-mission-phone = 领事保护与协助电话（24小时）：{ $phone }
ui-mission-no-phone = 领事保护电话请在使领馆官网或“中国领事”APP查询
ui-mission-address = 地址：{ $address }
ui-mission-website = 网站：{ $website }
ui-mission-as-of = 信息日期：{ $date }
ui-verify-note = （{ $date }信息，出行前请核实）
ui-verify = 出行前请核实
ui-mission-none = 暂无经核实的中国驻{ $destination }使领馆信息，请在出发前通过cs.mfa.gov.cn或“中国领事”APP查询。
ui-mission-blank-name = 居住地所属领区的中国驻外使领馆：______________________________
ui-mission-blank-phone = 领事保护与协助电话：____________________（可在使领馆官网或“中国领事”APP查询）
ui-channel-hotline = { $name }（24小时，在境外均可拨打）：{ $contact }
ui-channel-after-return = 回国后可通过{ $name }：{ $contact }
ui-channel-employer = 回国后也可以通过国内所在学校或单位向国家安全机关报告。
ui-or = 或
card-mission-known = { $name }领事保护与协助电话（24小时）：{ $phone }
# 行程中各国之间。
ui-name-separator = 、
