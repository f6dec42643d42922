extension Strings {
    /// The words of the case layout (`casebook layout`) and of the hooks' layout checks.
    /// Merged into `Strings.table`.
    static let layout: [String: (zh: String, en: String)] = [
        "layout.show": ("案件文件按{0}存放：{1}/<编号>.json", "case files are laid out by {0}: {1}/<id>.json"),
        "layout.already": ("案件文件已按{0}存放，无需迁移", "case files are already laid out by {0}: nothing to move"),
        "layout.migrated": ("已迁移 {0} 个案件文件到 {1}/（一次提交，内容不变）；各前台 casebook sync 后即按新位置工作",
                            "moved {0} case files into {1}/ (one commit, contents unchanged); each desk works in the new places after casebook sync"),
        "check.layoutMove": ("迁移布局的提交只能原样移动案件文件并修改 layout：{0} [规则 layout-migrate；DESIGN: records/cases]",
                             "a layout migration only moves case files unchanged and sets layout: {0} [rule layout-migrate; DESIGN: records/cases]"),
        "check.layoutIncomplete": ("迁移布局后仍有 {0} 个案件文件留在旧位置 [规则 layout-migrate；DESIGN: records/cases]",
                                   "{0} case files are left in the old layout after the migration [rule layout-migrate; DESIGN: records/cases]"),
        "check.layoutMerge": ("合并提交中 {0} 未移到 {1} [规则 layout；DESIGN: records/cases]",
                              "in the merge, {0} was not moved to {1} [rule layout; DESIGN: records/cases]"),
    ]
}
