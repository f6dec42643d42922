import CaseModel

/// A fresh resident key, as the key store makes one.
func freshResidentKey() -> ResidentKey {
    let (id, raw) = ResidentKey.generate()
    return (try? ResidentKey(resident: id, rawKey: raw)) ?? { preconditionFailure("32-byte key refused") }()
}
