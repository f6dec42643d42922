import CaseModel

/// Why the procedures refuse a step: one sentence, the rule's name and the clause it comes from.
public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// Short stable name of the rule, e.g. `transition`, `role`.
    public let rule: String
    /// The procedure clause, e.g. `002 篇1 §3.3.3`.
    public let clause: String
    public let message: String
    /// The message as a key and its words, for saying it in another language (the desk's strings
    /// table has `refusal.<key>`); nil when only the English message exists.
    public let template: Template?
    /// Where in the file the refusal points, e.g. `events[3] (close): `; part of `message`.
    public let location: String

    /// A message as a key of the strings table and the words to put into it.
    public struct Template: Sendable {
        public let key: String
        public let words: [Word]
        public init(_ key: String, _ words: [Word]) {
            self.key = key
            self.words = words
        }
    }

    /// A word of a refusal: plain text, or a term of the procedures that is said in each language.
    public enum Word: Sendable {
        case text(String)
        case action(Action)
        case status(Status)
        case statuses([Status])
        case roles([Role])
        case level(Level)
        case modes([RevisitMode])
    }

    public init(rule: String, clause: String, _ message: String, template: Template? = nil) {
        self.rule = rule
        self.clause = clause
        // A value quoted from a hand-edited file must not break the one line or forge another.
        self.message = oneLine(message, limit: 300)
        self.template = template
        self.location = ""
    }

    private init(rule: String, clause: String, message: String, template: Template?, location: String) {
        self.rule = rule
        self.clause = clause
        self.message = message
        self.template = template
        self.location = location
    }

    /// The same refusal located at `location` (e.g. `events[3] (close): `), put before the message.
    public func at(_ location: String) -> Refusal {
        Refusal(rule: rule, clause: clause, message: location + message, template: template, location: location + self.location)
    }

    public var description: String { "\(message) [rule \(rule); \(clause)]" }

    /// Refusals are equal when rule, clause and message are.
    public static func == (a: Refusal, b: Refusal) -> Bool {
        a.rule == b.rule && a.clause == b.clause && a.message == b.message
    }
}
