import CaseModel
import CasebookEngine

/// The simulated service centre's people and the words of its requests. Names are invented; no
/// real person's data is used.
enum Roster {
    /// id, name, role, department. The first is the manager who registers everyone else.
    static let staff: [(String, String, Role, Department?)] = [
        ("zhou.jl", "周建林", .manager, .customerService),
        ("he.zr", "何振荣", .director, nil),
        ("lin.zjl", "林总", .generalManager, nil),
        ("wang.zg", "王志刚", .supervisor, .customerService),
        ("li.na", "李娜", .receptionist, .customerService),
        ("sun.li", "孙丽", .receptionist, .customerService),
        ("zhang.min", "张敏", .receptionist, .customerService),
        ("chen.jie", "陈洁", .csAssistant, .customerService),
        ("liu.yang", "刘洋", .csAssistant, .customerService),
        ("gao.gc", "高工程", .departmentHead, .engineering),
        ("zhao.gong", "赵工", .engineer, .engineering),
        ("liu.gong", "刘工", .engineer, .engineering),
        ("qian.gong", "钱工", .engineer, .engineering),
        ("ma.bz", "马班长", .departmentHead, .security),
        ("qian.bz", "钱班长", .departmentHead, .environment),
        // The company's offices of the contracts' procedure (002 篇3 §3).
        ("wu.zl", "吴志良", .assistantGeneralManager, nil),
        ("qian.jy", "钱经营", .departmentHead, .business),
        ("sun.xz", "孙晓珍", .departmentHead, .administration),
        ("ma.cw", "马财务", .departmentHead, .finance),
    ]

    /// A request's matter with the department that handles it and the result text.
    struct Matter {
        let summary: String
        let department: Department?
        let result: String
    }

    static let matters: [Kind: [Matter]] = [
        .repair: [
            Matter(summary: "楼道灯不亮", department: .engineering, result: "更换声控开关及灯具"),
            Matter(summary: "厨房水龙头漏水", department: .engineering, result: "更换水龙头阀芯"),
            Matter(summary: "卫生间下水道堵塞", department: .engineering, result: "疏通下水管道"),
            Matter(summary: "门禁卡失灵", department: .engineering, result: "重新写卡并调试门禁"),
            Matter(summary: "电梯按钮失灵", department: .engineering, result: "更换电梯外呼按钮"),
            Matter(summary: "阳台地漏反水", department: .engineering, result: "清理地漏并加装防臭芯"),
            Matter(summary: "入户门锁损坏", department: .engineering, result: "更换门锁锁芯"),
            Matter(summary: "卫生间顶棚渗水", department: .engineering, result: "修补楼上防水层"),
            Matter(summary: "配电箱跳闸", department: .engineering, result: "更换漏电保护开关"),
            Matter(summary: "单元门闭门器损坏", department: .engineering, result: "更换闭门器"),
        ],
        .complaint: [
            Matter(summary: "垃圾桶未及时清运", department: .environment, result: "已清运并增加清运频次"),
            Matter(summary: "夜间装修噪音扰民", department: .security, result: "约谈装修户并限定施工时间"),
            Matter(summary: "保安值班时态度生硬", department: .security, result: "对当班保安进行批评教育"),
            Matter(summary: "绿化带长期未修剪", department: .environment, result: "安排绿化班组修剪"),
            Matter(summary: "电梯多次困人", department: .engineering, result: "电梯维保单位更换主板"),
            Matter(summary: "地下车库积水", department: .engineering, result: "疏通排水沟并检修水泵"),
            Matter(summary: "楼道堆放杂物未清理", department: .environment, result: "清理楼道杂物"),
            Matter(summary: "维修人员上门迟到", department: .engineering, result: "向业主致歉并调整派工流程"),
            Matter(summary: "外来车辆占用消防通道", department: .security, result: "加强巡查并张贴告示"),
            Matter(summary: "公共区域卫生差", department: .environment, result: "增加保洁频次"),
        ],
        .help: [
            Matter(summary: "钥匙锁在家中", department: .security, result: "协助联系开锁并核实身份"),
            Matter(summary: "独居老人需协助搬运家具", department: .security, result: "安排护管员协助搬运"),
            Matter(summary: "快递包裹代为保管", department: .customerService, result: "已代收并通知业主领取"),
            Matter(summary: "宠物走失请求协助寻找", department: .security, result: "调取监控并协助寻回"),
        ],
        .inquiry: [
            Matter(summary: "咨询物业费缴纳方式", department: nil, result: "已告知线上及前台缴费方式"),
            Matter(summary: "咨询车位租赁续约办法", department: nil, result: "已书面答复续约流程"),
            Matter(summary: "咨询装修申请手续", department: nil, result: "已告知装修申请所需材料"),
            Matter(summary: "咨询停水通知时间", department: nil, result: "已告知停水时间安排"),
        ],
        .suggestion: [
            Matter(summary: "建议增设电动车充电桩", department: .engineering, result: "已纳入年度改造计划并回复业主"),
            Matter(summary: "建议延长健身房开放时间", department: .customerService, result: "已调整开放时间并公示"),
        ],
        .coordination: [
            Matter(summary: "楼上漏水需协调邻居配合", department: .customerService, result: "已协调双方上门查看"),
            Matter(summary: "协调快递车辆进出", department: .security, result: "已与快递公司约定进出时段"),
        ],
        .specialService: [
            Matter(summary: "有偿清洗油烟机", department: .environment, result: "已完成清洗，费用计入物业费账单"),
            Matter(summary: "有偿更换灯具", department: .engineering, result: "已按价目表更换，业主签字确认"),
        ],
        .emergency: [
            Matter(summary: "老人突发疾病需呼叫120", department: .security, result: "已呼叫120，护管员引导救护车"),
        ],
        .neighbourDispute: [
            Matter(summary: "邻居空调外机噪音纠纷", department: .customerService, result: "已组织双方协商调整外机位置"),
        ],
    ]

    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘")
    static let honorifics = ["女士", "先生", "阿姨", "大爷", "小姐", "老师"]
    static let givenNames = ["丽华", "建国", "秀英", "志强", "海燕", "明", "静", "伟", "晓东", "桂兰", "春梅", "国庆"]
    static let agencies = ["区城市管理局", "区生态环境局", "街道办事处", "区住房和城乡建设局"]

    /// What a quality check finds: the place, the department that corrects it and how.
    struct Finding {
        let summary: String
        let place: String?
        let department: Department
        let correction: String
    }

    static let findings: [Finding] = [
        Finding(summary: "消防通道堆放杂物", place: "5 栋地下车库", department: .security, correction: "清理杂物，纳入每日巡查"),
        Finding(summary: "监控室值班记录不全", place: "监控中心", department: .security, correction: "补全记录，班长每班核查"),
        Finding(summary: "绿化带垃圾未及时清理", place: "中心花园", department: .environment, correction: "增加清扫频次，主管抽查"),
        Finding(summary: "垃圾桶未按时消毒", place: "3 栋垃圾房", department: .environment, correction: "重新消毒并张贴消毒记录表"),
        Finding(summary: "水泵房设备巡检表漏记", place: "2 号水泵房", department: .engineering, correction: "补记并更换巡检表格式"),
        Finding(summary: "电梯年检标志过期未更换", place: "8 栋 2 号电梯", department: .engineering, correction: "联系特检院更换标志"),
        Finding(summary: "前台接待记录字迹潦草，联系电话缺位", place: "客服中心", department: .customerService, correction: "重新培训登记规范"),
    ]
}
