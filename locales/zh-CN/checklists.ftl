# 清单文本（简体中文）：checklists/*.toml中各清单的标题、适用对象、导语、角色名称、分节标题和条目。

## student

student-title = 出国留学安全提示清单
student-audience = 适用于出国（境）留学人员，以及为其开展行前教育的学校。
student-intro = 本清单汇总了国家安全部和外交部面向海外留学人员发布的实用提示。结交朋友是留学生活的一部分；以下要点帮助你识别少数别有用心的接触，并清楚遇事该向谁求助。建议出发前通读，并与出行证件一同保存。
student-before = 出发之前
student-before-procedures = 出发前确认出行证件在有效期内，按学校规定履行出国（境）报批、报备手续，并查阅最新的官方安全提醒。
student-before-register = 安装“中国领事”APP并完成“海外公民登记”，便于使领馆在需要时联系到你。正规的登记不会索要银行账户信息，更不会要求转账汇款。
student-before-numbers = 保存外交部全球领事保护与服务应急热线（24小时）：+86-10-12308、+86-10-65612308，并在使领馆官网或中国领事服务网cs.mfa.gov.cn查询所在领区使领馆的领事保护与协助电话。
student-before-alerts = 关注“领事直通车”微信公众号（微信号：LS12308），及时接收安全提醒。通过“中国领事”APP还可经互联网拨打12308，无需另付国际通话费。
student-travel = 旅途与入境
student-travel-luggage = 行李始终放在自己视线之内，通过检查关口前再亲自查看一遍，以防被人塞入违禁物品，进而借此胁迫你“合作”。
student-travel-border-calm = 入境时如被询问，保持冷静，配合依法进行的检查；需要时可要求提供翻译，想清楚再回答，不随意作答。
student-travel-bag-search = 行李被开箱检查时，本人应在场。涉及国家秘密的问题，可以礼貌地拒绝回答。
student-friends = 交友与引荐
student-friends-motives = 结交朋友的同时保持清醒：如有人格外热心地帮忙，或主动为你引荐新“朋友”，不妨想一想对方想从你这里得到什么。
student-friends-introductions = 国家安全部公布的一起案例中，与当事学生交好的一名校方领导向他引荐了两名外国人，称他可以给对方“帮忙”。熟人引荐并不等于可靠。
student-friends-grey-areas = 如有熟人带你出入赌场或参与法律上的灰色活动，要提高警惕：这类经历日后可能被人用作要挟的把柄。
student-information = 信息与金钱
student-information-fellow-students = 有人请你提供其他中国留学生的情况，无论给不给报酬，都应拒绝。在公布的案例中，对方索要的信息随着交往加深而越来越敏感。
student-information-paid-help = 对以丰厚报酬换取含糊“帮忙”的提议保持警惕。同一案例中，学生此前提供的信息后来被对方拿来威胁他，逼他加入对方的情报机构。
student-information-shortcuts = 有人提出帮你修改成绩、写推荐信或安排工作，条件是日后继续“合作”，这是危险信号，而不是好意。
student-information-academic = 参加学术交流时，不透露任何敏感信息。
student-if-approached = 如遇拉拢或胁迫
student-if-approached-firm = 明确表明自己的立场：不去对方指定的场所，不签署任何文件，不收受钱款或礼物。
student-if-approached-consul = 坚持要求联系我国驻当地使领馆，寻求领事保护。也可拨打24小时热线+86-10-12308求助。
student-if-approached-remember = 事后记下对方是谁、何时何地与你接触、说了什么、提出了什么要求。
student-reporting = 报告渠道与法律规定
student-reporting-abroad = 在境外遇到可疑接触，应向我国驻当地使领馆报告。国家安全机关举报受理电话12339是境内短号码，请在回国后使用。
student-reporting-after-return = 回国后，及时向国家安全机关报告：拨打12339，登录www.12339.gov.cn，使用“国家安全部”微信公众号的举报受理渠道，或通过所在学校、单位报告。
student-reporting-promptly = 及时报告，不要心存侥幸。公布的案例中，当事人回国后没有及时向国家安全机关报告，继续为境外情报机构做事，最终受到法律严惩。
student-reporting-law = 依照修订后的《反间谍法》（2023年7月1日起施行）第五十五条，在境外受胁迫或诱骗加入间谍组织、敌对组织的人，如及时向我国驻外机构如实说明情况，或回国后直接或经所在单位及时向国家安全机关如实说明，并有悔改表现，可以不予追究。
student-reporting-confidential = 国家安全机关对举报人的身份负有保密义务。

## overseas-staff

overseas-staff-title = 驻外人员安全提示清单
overseas-staff-audience = 适用于长期派驻境外工作的中国企事业单位人员。
overseas-staff-intro = 本清单将国家安全部和外交部发布的相关提示整理为驻外人员可以直接照做的要点。身在异乡，希望有正常的社交生活是人之常情；以下内容帮助你在交往中守住工作秘密，并在感觉不对劲时知道该找谁。
overseas-staff-role-sensitive = 敏感企业及涉密单位人员
overseas-staff-before = 出发之前
overseas-staff-before-leave-secrets = 不携带涉及国家秘密的文件、内部资料或未经授权的科研数据出境。
overseas-staff-before-know-your-role = 充分认识自身岗位和所掌握信息的重要性、敏感性与保密性。在境外间谍情报机构眼中，敏感企业的驻外人员是获取第一手信息的重要来源。
overseas-staff-before-register = 安装“中国领事”APP并完成“海外公民登记”，便于使领馆在需要时联系到你。正规的登记不会索要银行账户信息，更不会要求转账汇款。
overseas-staff-before-numbers = 保存外交部全球领事保护与服务应急热线（24小时）：+86-10-12308、+86-10-65612308，并在使领馆官网或中国领事服务网cs.mfa.gov.cn查询所在领区使领馆的领事保护与协助电话。
overseas-staff-before-alerts = 关注“领事直通车”微信公众号（微信号：LS12308），及时接收安全提醒。通过“中国领事”APP还可经互联网拨打12308，无需另付国际通话费。
overseas-staff-approaches = 识别“友好”接近
overseas-staff-approaches-encounter = 国家安全部指出，针对驻外人员的接近通常分三步。第一步：制造“偶遇”，主动搭话，表现得热情友善、乐于助人。
overseas-staff-approaches-contact = 第二步：频繁往来，请吃饭，投其所好，讲述自己的生活点滴，一步步拉近感情、赢得信任。
overseas-staff-approaches-pressure = 第三步：待你放松警惕后，以欺骗或威胁手段索取国家秘密。
overseas-staff-approaches-calm = 远离亲友，想要结交朋友是人之常情。与新结识的人来往时保持冷静理性，多想想对方的意图，守住保密意识，抵住各种诱惑。
overseas-staff-workplace = 办公与涉密资料
overseas-staff-workplace-lock = 离开工位时，哪怕只是片刻，也要锁定屏幕、收好涉密文件。国家安全部2024年公布的案例中，一名留学期间被策反的人员主动提出帮匆忙下班的同事整理桌面，随后打开该同事的电脑窃取涉密文件。
overseas-staff-workplace-destroy = 涉密材料应由本人按规定程序销毁，不假手他人。同一案例中，此人“热心”帮另一名同事清点待销毁的材料，暗中扣留了部分文件。
overseas-staff-workplace-eager-helpers = 对热衷于插手本职以外涉密事务的人多留个心。该案例中，此人正是按境外情报机构的指使，在同事中充当“热心人”。
overseas-staff-daily-life = 设备、礼品与出行
overseas-staff-daily-life-wifi = 不通过公共Wi-Fi登录重要账户。
overseas-staff-daily-life-gifts = 谨慎接受钥匙扣、挂件之类的“小礼物”，这类物品可能暗藏摄像头、窃听器或定位装置。
overseas-staff-daily-life-photos = 不进入军事区域，不拍摄禁止拍摄的场所。
overseas-staff-daily-life-travel-buddies = 警惕网上以“结伴旅行”为名的招募信息。国家安全部通报过针对涉密单位人员的此类虚假广告。
overseas-staff-if-approached = 如遇拉拢或胁迫
overseas-staff-if-approached-firm = 明确表明自己的立场：不去对方指定的场所，不签署任何文件，不收受钱款或礼物。
overseas-staff-if-approached-consul = 坚持要求联系我国驻当地使领馆，寻求领事保护。也可拨打24小时热线+86-10-12308求助。
overseas-staff-if-approached-remember = 事后记下对方是谁、何时何地与你接触、说了什么、提出了什么要求。
overseas-staff-reporting = 报告渠道与法律规定
overseas-staff-reporting-abroad = 在境外遇到可疑接触，应向我国驻当地使领馆报告。国家安全机关举报受理电话12339是境内短号码，请在回国后使用。
overseas-staff-reporting-employer = 回国后，及时向所在单位报告有关情况。
overseas-staff-reporting-after-return = 回国后也可直接向国家安全机关报告：拨打12339，登录www.12339.gov.cn，或使用“国家安全部”微信公众号的举报受理渠道。
overseas-staff-reporting-law = 依照修订后的《反间谍法》（2023年7月1日起施行）第五十五条，在境外受胁迫或诱骗加入间谍组织、敌对组织的人，如及时向我国驻外机构如实说明情况，或回国后直接或经所在单位及时向国家安全机关如实说明，并有悔改表现，可以不予追究。
overseas-staff-reporting-confidential = 国家安全机关对举报人的身份负有保密义务。

## short-trip

short-trip-title = 短期出国（境）安全提示清单
short-trip-audience = 适用于商务出差、出访团组、研学团组成员及短期出境旅游人员。
short-trip-intro = 短期出行时间紧、节奏快，几个好习惯尤为重要：管好行李和数据，出入境时沉着应对，清楚遇事该联系谁。本清单汇总了国家安全部和外交部的相关提示，建议出发前读一遍。
short-trip-before = 出发之前
short-trip-before-leave-secrets = 涉及国家秘密的文件、内部资料以及未经授权的科研数据，一律不带出境。
short-trip-before-numbers = 保存外交部全球领事保护与服务应急热线（24小时）：+86-10-12308、+86-10-65612308，并在使领馆官网或中国领事服务网cs.mfa.gov.cn查询目的地使领馆的领事保护与协助电话。
short-trip-before-home-number = 在国内拨打该热线的号码是010-12308，可将以上号码留给家人。
short-trip-before-register = 安装“中国领事”APP并完成“海外公民登记”。正规的登记不会索要银行账户信息，更不会要求转账汇款。
short-trip-before-alerts = 关注“领事直通车”微信公众号（微信号：LS12308），及时接收安全提醒。通过“中国领事”APP还可经互联网拨打12308，无需另付国际通话费。
short-trip-border = 行李与出入境检查
short-trip-border-luggage = 行李始终放在自己视线之内，通过检查关口前再亲自查看一遍，以防被人塞入违禁物品，进而借此胁迫你“合作”。
short-trip-border-calm = 入境时如被询问，保持冷静，配合依法进行的检查；需要时可要求提供翻译，想清楚再回答，不随意作答。
short-trip-border-bag-search = 行李被开箱检查时，本人应在场。涉及国家秘密的问题，可以礼貌地拒绝回答。
short-trip-border-closed-room = 国家安全部提醒，研学团组成员入境时可能被带到单独房间问询，甚至被强行检查手机和电脑。遇到这种情况要保持冷静，要求联系我国驻当地使领馆。
short-trip-people = 交往与交流
short-trip-people-getting-close = 对借导游服务、交朋友、学术交流或主动帮忙等名义迅速“套近乎”的人保持距离，这些是国家安全部点名的针对研学团组的常见接近方式。
short-trip-people-academic = 参加学术交流和参观访问时，不透露任何敏感信息。
short-trip-people-gifts = 谨慎接受钥匙扣、挂件之类的“小礼物”，这类物品可能暗藏摄像头、窃听器或定位装置。
short-trip-people-grey-areas = 如有熟人带你出入赌场或参与法律上的灰色活动，要提高警惕：这类经历日后可能被人用作要挟的把柄。
short-trip-sightseeing = 观光与出行
short-trip-sightseeing-photos = 不进入军事区域，不拍摄禁止拍摄的场所。
short-trip-sightseeing-travel-buddies = 对网上以“结伴旅行”为名的招募信息多加小心。国家安全部通报过借此接近涉密单位人员的虚假广告。
short-trip-sightseeing-wifi = 不通过公共Wi-Fi登录重要账户。
short-trip-if-approached = 如遇拉拢或胁迫
short-trip-if-approached-firm = 明确表明自己的立场：不去对方指定的场所，不签署任何文件，不收受钱款或礼物。
short-trip-if-approached-consul = 坚持要求联系我国驻当地使领馆，寻求领事保护。也可拨打24小时热线+86-10-12308求助。
short-trip-if-approached-remember = 事后记下对方是谁、何时何地与你接触、说了什么，回国后及时向所在单位或国家安全机关（12339）报告。
short-trip-reporting = 报告渠道与法律规定
short-trip-reporting-abroad = 在境外遇到可疑接触，应向我国驻当地使领馆报告。国家安全机关举报受理电话12339是境内短号码，请在回国后使用。
short-trip-reporting-after-return = 回国后，及时向国家安全机关报告：拨打12339，登录www.12339.gov.cn，使用“国家安全部”微信公众号的举报受理渠道，或通过所在单位报告。
short-trip-reporting-law = 依照修订后的《反间谍法》（2023年7月1日起施行）第五十五条，在境外受胁迫或诱骗加入间谍组织、敌对组织的人，如及时向我国驻外机构如实说明情况，或回国后直接或经所在单位及时向国家安全机关如实说明，并有悔改表现，可以不予追究。
