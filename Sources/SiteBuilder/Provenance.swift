/// Whether an event's commit carries a signature, and whether it verifies against the key
/// `staff.json` registers for the commit's author.
/// The raw value is what pages and feeds show as the CSS class and data value.
public enum SignatureStatus: String, CaseIterable, Sendable {
    /// Signed by the author's registered key.
    case good
    /// A signature that does not verify.
    case bad
    /// A valid signature by a key not registered for the author.
    case notRegistered = "not-registered"
    /// The commit carries a signature (not checked).
    case signed
    /// The commit carries no signature.
    case unsigned
    /// The event could not be matched to a commit.
    case unknown
}

/// Where one event of a case was recorded: the commit, its author and its signature. The caller
/// reads these from git and passes one per event, in the order of the case's `events`.
public struct EventProvenance: Equatable, Sendable {
    /// The commit id (hex).
    public var commit: String
    /// The commit's author as git records it (`李娜 <li.na@cuihu.example>` or just the name).
    public var author: String
    public var signature: SignatureStatus

    public init(commit: String, author: String, signature: SignatureStatus) {
        self.commit = commit
        self.author = author
        self.signature = signature
    }
}
