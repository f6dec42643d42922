import CaseModel

/// A change to a register entry under review: the entry before (nil when new) and after, under
/// the profile's rule for its register.
public struct RegisterStep: Sendable {
    public let old: RegisterEntry?
    public let new: RegisterEntry
    public let rule: RegisterRule
    public let staff: StaffRegistry

    /// The visits this change adds.
    public var newVisits: ArraySlice<RegisterVisit> { new.visits.dropFirst(old?.visits.count ?? 0) }
    /// The reveals this change adds.
    public var newReveals: ArraySlice<RegisterReveal> { (new.reveals ?? []).dropFirst(old?.reveals?.count ?? 0) }
    let profile: Profile
}

/// One rule of the registers (000 §1(7); 001 §5.6.7), with its name and clause.
public protocol RegisterCheck: Sendable {
    var name: String { get }
    func check(_ step: RegisterStep) throws(Refusal)
}

/// An entry is never rewritten: only visits are appended (the records are evidence, 000 篇2 §5.0).
public struct RegisterAppendOnly: RegisterCheck {
    public let name = "append-only"
    public init() {}

    public func check(_ step: RegisterStep) throws(Refusal) {
        guard let old = step.old else { return }
        var head = step.new
        head.visits = old.visits
        head.reveals = old.reveals
        guard head == old, step.new.visits.starts(with: old.visits), (step.new.reveals ?? []).starts(with: old.reveals ?? []) else {
            throw Refusal(rule: name, clause: "000 篇2 §5.0; DESIGN: records are append-only",
                          "a register entry only gains visits and reveal records: its resident, contacts, schedule and earlier records stay as they were",
                          template: .init(.registerAppendOnly, []))
        }
    }
}

/// A new entry's schedule is the profile's (the very old daily, 001 §5.6.7.3); emergency contacts
/// belong to the empty-nest register and are sealed under the resident's own key.
public struct RegisterSchedule: RegisterCheck {
    public let name = "register-schedule"
    public init() {}

    public func check(_ step: RegisterStep) throws(Refusal) {
        guard step.old == nil else { return }
        let e = step.new
        if e.register != .emptyNest, e.aged != nil || e.emergencyContacts != nil {
            throw Refusal(rule: name, clause: "001 §5.6.7.1", "only the empty-nest register records age and emergency contacts",
                          template: .init(.registerAgedContacts, []))
        }
        for c in e.emergencyContacts ?? [] where c.resident != e.resident.resident {
            throw Refusal(rule: "personal-data", clause: "001 §5.6.7.2; DESIGN: residents' data sealed",
                          "an emergency contact is sealed under the resident's own key (\(e.resident.resident.rawValue))",
                          template: .init(.registerContactKey, [.text(e.resident.resident.rawValue)]))
        }
        let (days, clause) = step.rule.schedule(aged: e.aged == true)
        guard e.visitEveryDays == days, e.clause == clause else {
            throw Refusal(rule: name, clause: clause, "a \(e.register.rawValue) entry is visited every \(days) day\(days == 1 ? "" : "s") under the profile",
                          template: .init(days == 1 ? .registerScheduleDaily : .registerSchedule, [.register(e.register), .text("\(days)")]))
        }
    }
}

/// Who keeps the register and visits, and how (the profile's `registers`).
public struct RegisterKeeper: RegisterCheck {
    public let name = "role"
    public init() {}

    public func check(_ step: RegisterStep) throws(Refusal) {
        let rule = step.rule
        /// `id` may keep the register (`visit` false) or visit its residents.
        func allowed(_ id: StaffID, visit: Bool) throws(Refusal) {
            guard let member = step.staff[id] else {
                throw Refusal(rule: "known-staff", clause: "002 篇1 §4.2", "'\(oneLine(id.rawValue, limit: 64))' is not in records/staff.json",
                              template: .init(.unknownStaff, [.text(oneLine(id.rawValue, limit: 64))]))
            }
            guard member.roles.contains(where: rule.by.contains) else {
                let register = step.new.register
                let what = visit ? "visit residents on the \(register.rawValue) register" : "keep the \(register.rawValue) register"
                throw Refusal(rule: name, clause: rule.clause, "\(id.rawValue) (\(member.roleList)) may not \(what); only "
                              + rule.by.map(\.rawValue).joined(separator: ", "),
                              template: .init(visit ? .registerVisitor : .registerKeeper,
                                              [.text(id.rawValue), .roles(member.roles), .register(register), .roles(rule.by)]))
            }
        }
        if step.old == nil { try allowed(step.new.addedBy, visit: false) }
        for r in step.newReveals {
            guard let member = step.staff[r.by], let may = step.profile.permissions.first(where: { $0.action == .reveal }),
                  member.roles.contains(where: may.roles.contains) else {
                throw Refusal(rule: name, clause: "PIPL Art. 51", "\(r.by.rawValue) may not open a register entry's sealed contacts",
                              template: .init(.registerRevealWho, [.text(r.by.rawValue)]))
            }
            guard !r.reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw Refusal(rule: "reveal", clause: "PIPL Art. 51", "a reveal names its reason", template: .init(.registerRevealReason, []))
            }
        }
        for v in step.newVisits {
            try allowed(v.by, visit: true)
            guard rule.modes.contains(v.mode) else {
                throw Refusal(rule: "revisit-mode", clause: rule.clause, "a visit on the \(step.new.register.rawValue) register is made by "
                              + rule.modes.map(\.rawValue).joined(separator: " or "),
                              template: .init(.registerMode, [.register(step.new.register), .modes(rule.modes)]))
            }
        }
    }
}

/// Visits follow one another and the entry; free text holds no phone in clear.
public struct RegisterVisitOrder: RegisterCheck {
    public let name = "time-order"
    public init() {}

    public func check(_ step: RegisterStep) throws(Refusal) {
        var last = step.old?.visits.last?.at ?? step.new.addedAt
        for v in step.newVisits {
            guard v.at >= last else {
                throw Refusal(rule: name, clause: "002 篇1 §4.2", "a visit at \(v.at) is before the previous record (\(last))",
                              template: .init(.registerVisitOrder, [.text(v.at.description), .text(last.description)]))
            }
            last = v.at
            if let n = v.notes, Contact.maskMobiles(n) != n {
                throw Refusal(rule: "personal-data", clause: NoPhoneInClear.clause, "notes hold a mobile number in clear; write it masked (138****5678)",
                              template: .init(.registerNotesPhone, []))
            }
        }
        if step.old == nil, let r = step.new.reason, Contact.maskMobiles(r) != r {
            throw Refusal(rule: "personal-data", clause: NoPhoneInClear.clause, "reason holds a mobile number in clear; write it masked (138****5678)",
                          template: .init(.registerReasonPhone, []))
        }
    }
}

/// The one check every change of a register entry goes through: the commands and the hooks.
public enum RegisterChange {
    public static let rules: [any RegisterCheck] = [RegisterAppendOnly(), RegisterSchedule(), RegisterKeeper(), RegisterVisitOrder()]

    /// Validates that `new` may replace `old` (nil for a new entry) at `path`.
    /// - Throws: `Refusal` for the first rule broken.
    public static func validate(old: RegisterEntry?, new: RegisterEntry, path: String, staff: StaffRegistry, profile: Profile) throws(Refusal) {
        guard new.format == RegisterEntry.format else {
            throw Refusal(rule: "schema", clause: "records/schema/register.schema.json", "format must be \(RegisterEntry.format)",
                          template: .init(.format, [.text(RegisterEntry.format)]))
        }
        guard RegisterEntry.isWellFormed(new.id, new.register), path == new.path else {
            throw Refusal(rule: "path", clause: "DESIGN: records/registers/<register>/<id>.json", "entry must be at \(new.path) with an id like \(new.register.prefix)-1a2b3c4d",
                          template: .init(.registerPath, [.text(new.path), .text(new.register.prefix)]))
        }
        guard let rule = profile.registers?.first(where: { $0.register == new.register }) else {
            throw Refusal(rule: "register", clause: "000 §1(7); 001 §5.6.7", "profile \(profile.name) keeps no \(new.register.rawValue) register",
                          template: .init(.registerNone, [.text(profile.name), .register(new.register)]))
        }
        let step = RegisterStep(old: old, new: new, rule: rule, staff: staff, profile: profile)
        for r in rules { try r.check(step) }
    }
}
