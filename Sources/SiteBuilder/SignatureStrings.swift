extension Strings {
    /// The words of the signature policy: refusals of unsigned steps, the dashboard's notes.
    /// Merged into `Strings.table`.
    static let signatures: [String: (zh: String, en: String)] = [
        "failure.signatureKeyMissing": (
            "签名：{0} 已登记签名密钥（records/staff.json），其步骤须用该密钥签名：设置 CASEBOOK_SIGNING_KEY 或 git user.signingkey（登记的密钥） [规则 signed-commit；records/casebook.json signatures]",
            "signature: {0} has a registered key (records/staff.json) and their steps must be signed with it: set CASEBOOK_SIGNING_KEY or git user.signingkey to it [rule signed-commit; records/casebook.json signatures]"),
        "check.unknownAuthor": ("提交者 {0} 不在 records/staff.json 中；每个提交都须由登记的员工作出 [规则 known-author；records/staff.json]",
                                "author {0} is not in records/staff.json; every commit is made by registered staff [rule known-author; records/staff.json]"),
        "check.signingNotConfigured": (
            "{0} 已登记签名密钥，提交须用该密钥签名：请设置 git config gpg.format ssh、user.signingkey（登记的密钥）和 commit.gpgsign true，或用 casebook 命令记录 [规则 signed-commit；records/casebook.json signatures]",
            "{0} has a registered key and the commit must be signed with it: set git config gpg.format ssh, user.signingkey (the registered key) and commit.gpgsign true, or record the step with casebook [rule signed-commit; records/casebook.json signatures]"),
        "check.relaxUnsigned": ("放宽签名要求须由经理以其登记的密钥签名提交（提交者 {0}） [规则 signature-policy；records/casebook.json signatures]",
                                "relaxing the signature policy takes a manager's commit signed with their registered key (author {0}) [rule signature-policy; records/casebook.json signatures]"),
        "signaturesRelaxed": ("签名要求已放宽（records/casebook.json signatures: optional）：登记了密钥的员工也可不签名提交，他人可冒名记录。",
                              "Signatures are relaxed (records/casebook.json signatures: optional): staff with a registered key may commit unsigned, so steps can be made in another's name."),
        "unsignedSteps": ("未签名步骤", "unsigned steps"),
        "unsignedStepsNote": ("本月未经签名的步骤（按提交者；员工登记密钥后，其未签名提交会被钩子拒绝）。",
                              "Steps of the month without a verified signature, by author (once a member of staff has a registered key, the hooks refuse their unsigned commits)."),
        "signatureReason.noKey": ("未签名：该员工提交时未登记签名密钥", "unsigned: the author had no registered key then"),
        "signatureReason.relaxed": ("未签名：提交时签名要求已放宽或早于登记密钥", "unsigned: made while signatures were relaxed, or before the key was registered"),
        "signatureReason.notRegistered": ("签名密钥不是该员工登记的密钥", "signed with a key not registered for the author"),
        "signatureReason.bad": ("签名无法验证", "the signature does not verify"),
    ]
}
