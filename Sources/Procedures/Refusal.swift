import CaseModel

/// Why the procedures refuse a step: one sentence, the rule's name and the clause it comes from.
///
/// Every refusal carries its sentence twice: the English `message` as the rule writes it (what
/// scripts and the English desk read), and a `Template` — a `Key` of the strings table with the
/// words to put into it — so the desk can say it in the reader's language. The template is
/// required: a refusal without one does not compile, and `Key` is the registry of every sentence
/// the procedures can say (a test keeps it and the strings table in step).
public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// Short stable name of the rule, e.g. `transition`, `role`.
    public let rule: String
    /// The procedure clause, e.g. `002 篇1 §3.3.3`.
    public let clause: String
    public let message: String
    /// The message as a key and its words, for saying it in another language (the desk's strings
    /// table has `refusal.<key>`).
    public let template: Template
    /// Where in the file the refusal points, outermost first (e.g. the event `events[3] (close): `).
    public let places: [Place]

    /// Where in the file the refusal points, e.g. `events[3] (close): `; part of `message`.
    public var location: String { places.map(\.english).joined() }

    /// A message as a key of the strings table and the words to put into it.
    public struct Template: Sendable {
        public let key: String
        public let words: [Word]
        public init(_ key: Key, _ words: [Word]) {
            self.key = key.rawValue
            self.words = words
        }
    }

    /// A word of a refusal: plain text, or a term of the procedures that is said in each language.
    public indirect enum Word: Sendable {
        case text(String)
        /// Plain texts said as a list of the language (`a、b` / `a, b`).
        case texts([String])
        case action(Action)
        case status(Status)
        case statuses([Status])
        case roles([Role])
        case level(Level)
        case modes([RevisitMode])
        case kind(Kind)
        /// A department, or none (unassigned).
        case department(Department?)
        case register(RegisterKind)
        /// Departments, said as a list of the language.
        case departments([Department])
        case contractAction(ContractAction)
        case contractStatus(ContractStatus)
        case contractPurpose(ContractReviewPurpose)
        case contractPoints([ContractReviewPoint])
        case check(InspectionCheck)
        case requester(Requester)
        case emergency(EmergencyType)
        case items([ChecklistItem])
        /// A deadline's step (`report`, `answer`, …).
        case step(String)
        /// A correctable intake field.
        case field(Correction.Field)
        /// Another refusal's sentence (with its location), e.g. inside a merge's refusal.
        case refusal(Refusal)
    }

    /// A place in a file a refusal points at.
    public enum Place: Sendable {
        /// Text that reads the same in every language, e.g. `events[3]: `.
        case text(String)
        /// An event by its index in `events` and its action: `events[3] (close): `.
        case event(Int, Action)

        /// The place as the English message writes it.
        public var english: String {
            switch self {
            case .text(let s): s
            case .event(let i, let a): "events[\(i)] (\(a.rawValue)): "
            }
        }
    }

    public init(rule: String, clause: String, _ message: String, template: Template) {
        self.rule = rule
        self.clause = clause
        // A value quoted from a hand-edited file must not break the one line or forge another.
        self.message = oneLine(message, limit: 300)
        self.template = template
        self.places = []
    }

    private init(rule: String, clause: String, message: String, template: Template, places: [Place]) {
        self.rule = rule
        self.clause = clause
        self.message = message
        self.template = template
        self.places = places
    }

    /// The same refusal located at `place`, put before the message.
    public func at(_ place: Place) -> Refusal {
        Refusal(rule: rule, clause: clause, message: place.english + message, template: template, places: [place] + places)
    }

    /// The same refusal located at `location` (e.g. `events[3]: `), put before the message.
    public func at(_ location: String) -> Refusal { at(.text(location)) }

    /// The same refusal at event `index` of the case, whose action is `action`.
    public func at(event index: Int, _ action: Action) -> Refusal { at(.event(index, action)) }

    public var description: String { "\(message) [rule \(rule); \(clause)]" }

    /// Refusals are equal when rule, clause and message are.
    public static func == (a: Refusal, b: Refusal) -> Bool {
        a.rule == b.rule && a.clause == b.clause && a.message == b.message
    }
}
