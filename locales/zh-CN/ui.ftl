# 界面与文档标签（简体中文）：语言名称、日期、页脚、资料来源。

language-name = 简体中文

# 日期：$year、$month（1–12）、$day。
ui-date = { $year }年{ $month }月{ $day }日
ui-date-month = { $year }年{ $month }月
ui-date-year = { $year }年
ui-month-name = { $month }月

# 每页页脚。
ui-page = 第{ $page }页，共{ $total }页

# 文末资料来源。
ui-sources = 资料来源
ui-source-ref = [{ $refs }]
ui-source-entry = { $title }，{ $date }。
ui-source-entry-undated = { $title }（发布日期未经核实）。
ui-as-of = 本清单信息截至{ $date }。出行前请按所列来源核对是否有更新。

# 使用 --role 选入专项条目时，标题下的说明；$roles 为所选角色。
ui-edition = 本版包含以下人员的专项提示：{ $roles }
ui-list-separator = ；
