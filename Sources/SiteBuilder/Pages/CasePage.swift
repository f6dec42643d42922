import CaseModel
import Procedures

/// `cases/<id>.html`: one case's intake, deadlines, revisit plan and records, and its timeline
/// with the commit and signature of every step; printed, the paper forms (《投诉登记处理记录》 or
/// 《接待业主情况记录》, and 《回访记录表》).
struct CasePage: Sendable {
    struct Deadline: Sendable {
        var step: String
        var stepKey: String
        var due: String
        var provisional: String?
        var standing: String
        var standingKey: String
        var standingClass: String
        var clause: String
    }

    struct Plan: Sendable {
        var due: String
        var provisional: String?
        var who: String
        var modes: String
        var standing: String
        var standingClass: String
        var clause: String
    }

    /// A revisit made (or, on the blank printed form, to be made).
    struct RevisitRecord: Sendable {
        var at: String
        var by: String
        var mode: String
        var satisfied: Bool
        var verdict: String
        var notes: String
        var lateEntry: String?
    }

    /// One step of the timeline.
    struct Step: Sendable {
        var at: String
        var by: String
        var action: String
        var actionKey: String
        var detail: String
        var commit: String
        var author: String
        var signature: String
        var signatureKey: String
        var lateEntry: String?
        var signatureReason: String?
        /// Shown on the printed form's process (not the intake, not a revisit).
        var isProcess: Bool
    }

    var frame: PageFrame
    var ref: CaseReference
    var status: String
    var level: String
    var late: Bool
    var validity: String?
    var received: String
    var channel: String
    var details: String?
    var firstResponder: String
    var department: String
    var holder: String
    var resolution: String?
    var referral: String?
    var unresolvableReason: String?
    var special: [(label: String, value: String)]
    var deadlines: [Deadline]
    var plans: [Plan]
    var revisitRecords: [RevisitRecord]
    var steps: [Step]
    var formTitle: String
    var revisitFormTitle: String

    init(_ d: Dashboard, _ file: CaseFile) {
        let s = d.s, time = d.time
        func nonEmpty(_ text: String?) -> String? { text?.isEmpty == false ? text : nil }
        frame = d.pageFrame(page: "case", title: file.id.rawValue, root: "../")
        ref = d.caseReference(file, root: "../")
        let i = file.intake, st = file.state
        status = s.status(st.status)
        level = s.level(st.level)
        late = !Schedule.overdue(file, at: d.now).isEmpty
        received = time.minute(i.receivedAt)
        channel = s.channel(i.channel)
        details = nonEmpty(i.details.map { d.scrub($0, file) })
        firstResponder = d.staffName(i.firstResponder)
        department = s.department(st.department)
        holder = d.staffName(st.holder)
        validity = st.valid.map { $0 ? s["valid"] : s["invalid"] }
        resolution = st.resolution.map { r in
            var text = "\(d.scrub(r.result, file)) (\(d.staffName(r.by)), \(time.minute(r.at)))"
            if r.customerConfirmed { text += " · " + s["customerConfirmed"] }
            if let rating = r.rating { text += " · \(s["rating"]) \(rating)/5" }
            return text
        }
        referral = st.referral.map { "\(d.scrub($0.agency, file)) (\(time.minute($0.at)))" }
        unresolvableReason = nonEmpty(st.unresolvableReason.map { d.scrub($0, file) })
        special = SpecialFacts.rows(file, s: s, when: time.minute, name: d.staffName)
        deadlines = st.deadlines.map { deadline in
            let (key, text, css) = d.standing(deadline, in: file)
            return Deadline(step: s.step(deadline.step), stepKey: deadline.step, due: time.minute(deadline.due),
                            provisional: d.provisionalNote(deadline.provisional), standing: text, standingKey: key, standingClass: css, clause: deadline.clause)
        }
        plans = st.revisitsPlanned.map { p in
            let (text, css): (String, String) = if let done = p.doneAt {
                ("\(s["done"]) \(time.minute(done))", done > p.due ? "late" : "ok")
            } else {
                (p.due < d.now ? s["overdueNow"] : s["pending"], p.due < d.now ? "late" : "")
            }
            return Plan(due: time.minute(p.due), provisional: d.provisionalNote(p.provisional), who: s.list(p.by.map(s.role)),
                        modes: s.list(p.modes.map(s.mode)), standing: text, standingClass: css, clause: p.clause)
        }
        // Every revisit ever made, including those an unsatisfied verdict sent back.
        revisitRecords = file.events.filter { $0.action == .revisit }.map { e in
            RevisitRecord(at: time.minute(e.at), by: d.staffName(e.by), mode: e.mode.map(s.mode) ?? "", satisfied: e.satisfied == true,
                          verdict: e.satisfied == true ? s["satisfied"] : s["unsatisfied"], notes: e.notes.map { d.scrub($0, file) } ?? "",
                          lateEntry: d.lateEntry(e, in: file))
        }
        let proofs = d.provenance[file.id] ?? []
        steps = file.events.enumerated().map { n, e in
            let proof = n < proofs.count ? proofs[n] : EventProvenance(commit: "", author: "", signature: .unknown)
            return Step(at: time.minute(e.at), by: d.staffName(e.by), action: s.action(e.action), actionKey: e.action.rawValue,
                        detail: d.detail(e, in: file), commit: proof.commit, author: proof.author, signature: s.signature(proof.signature),
                        signatureKey: proof.signature.rawValue, lateEntry: d.lateEntry(e, in: file),
                        signatureReason: d.signatureReason(proof.signature, by: e.by), isProcess: ![.open, .revisit].contains(e.action))
        }
        formTitle = s.formTitle(i.kind == .complaint ? "formComplaint" : "formReception")
        revisitFormTitle = s.formTitle("formRevisit")
    }

    func render() -> String {
        var out = screen
        out += forms
        return frame.page(out)
    }

    /// What the screen shows: the fields, deadlines, revisits and the timeline.
    private var screen: Markup {
        let s = frame.s
        func provisional(_ note: String?) -> Markup {
            guard let note else { return "" }
            return " <abbr class=\"provisional\" title=\"\(note)\">\(s["provisional"])</abbr>"
        }
        func field(_ label: String, _ value: String?) -> Markup {
            guard let value else { return "" }
            return "<dt>\(s[label])</dt><dd>\(value)</dd>"
        }
        let specials = Markup.each(special) { "<dt>\($0.label)</dt><dd>\($0.value)</dd>\n" }
        let deadlineRows = Markup.each(deadlines) { r in
            """
            <tr data-step="\(r.stepKey)" data-standing="\(r.standingKey)"><td>\(r.step)</td><td>\(r.due)\(provisional(r.provisional))</td><td class="\(r.standingClass)">\(r.standing)</td><td>\(r.clause)</td></tr>

            """
        }
        let planRows = Markup.each(plans) { r in
            """
            <tr><td>\(r.due)\(provisional(r.provisional))</td><td>\(r.who)</td><td>\(r.modes)</td><td class="\(r.standingClass)">\(r.standing)</td><td>\(r.clause)</td></tr>

            """
        }
        let recordRows = Markup.each(revisitRecords) { r in
            """
            <tr><td>\(r.at)</td><td>\(r.by)</td><td>\(r.mode)</td><td class="\(r.satisfied ? "ok" : "late")">\(r.verdict)</td><td>\(r.notes)</td></tr>

            """
        }
        let stepRows = Markup.each(steps) { r in
            let lateEntry: Markup = r.lateEntry.map { " <span class=\"badge late-entry\">\($0)</span>" } ?? ""
            let reasonTitle: Markup = r.signatureReason.map { " title=\"\($0)\"" } ?? ""
            let reason: Markup = r.signatureReason.map { " <small class=\"muted\" data-signature-reason>\($0)</small>" } ?? ""
            return """
            <tr data-action="\(r.actionKey)" data-commit="\(r.commit)" data-signature="\(r.signatureKey)"\(if: r.lateEntry != nil, " data-late-entry=\"true\"")><td>\(r.at)</td><td>\(r.by)</td><td>\(r.action)</td><td>\(r.detail)\(lateEntry)</td><td><code title="\(r.commit)">\(String(r.commit.prefix(10)))</code></td><td>\(r.author)</td><td><span class="badge \(r.signatureKey)"\(reasonTitle)>\(r.signature)</span>\(reason)</td></tr>

            """
        }
        return """
        <div class="screen-only">
        <p><span class="badge">\(status)</span> <span class="badge">\(level)</span>\(if: late, " <span class=\"badge late\">\(s["overdueNow"])</span>") <a class="no-print" href="#" onclick="window.print();return false;">\(s["printForm"])</a></p>
        <h2>\(s["intake"])</h2>
        <dl class="fields">
        <dt>\(s["id"])</dt><dd>\(ref.id)</dd>
        <dt>\(s["kind"])</dt><dd>\(ref.kind)\(validity.map { " · \($0)" as Markup } ?? "")</dd>
        <dt>\(s["receivedAt"])</dt><dd>\(received)</dd>
        <dt>\(s["channel"])</dt><dd>\(channel)</dd>
        <dt>\(s["unit"])</dt><dd>\(ref.unit)</dd>
        <dt>\(s["reporter"])</dt><dd>\(ref.reporter) \(ref.phone)</dd>
        <dt>\(s["matter"])</dt><dd>\(ref.summary)</dd>
        \(field("details", details))
        <dt>\(s["firstResponder"])</dt><dd>\(firstResponder)</dd>
        <dt>\(s["department"])</dt><dd>\(department)</dd>
        <dt>\(s["holder"])</dt><dd>\(holder) (\(level))</dd>
        \(field("resolution", resolution))
        \(field("referral", referral))
        \(field("unresolvableReason", unresolvableReason))
        \(specials)</dl>
        <h2>\(s["deadlines"])</h2>
        \(if: deadlines.isEmpty, "<p>\(s["noDeadlines"])</p>")
        \(if: !deadlines.isEmpty, "<table class=\"deadlines\"><thead><tr><th>\(s["step"])</th><th>\(s["due"])</th><th>\(s["standing"])</th><th>\(s["clause"])</th></tr></thead><tbody>\n\(deadlineRows)</tbody></table>")
        <h2>\(s["revisitPlan"])</h2>
        \(if: plans.isEmpty, "<p>\(s["none"])</p>")
        \(if: !plans.isEmpty, "<table class=\"plans\"><thead><tr><th>\(s["due"])</th><th>\(s["who"])</th><th>\(s["modes"])</th><th>\(s["standing"])</th><th>\(s["clause"])</th></tr></thead><tbody>\n\(planRows)</tbody></table>")
        <h2>\(s["revisitRecords"])</h2>
        \(if: revisitRecords.isEmpty, "<p>\(s["noRevisitRecords"])</p>")
        \(if: !revisitRecords.isEmpty, "<table class=\"revisit-records\"><thead><tr><th>\(s["time"])</th><th>\(s["by"])</th><th>\(s["mode"])</th><th>\(s["satisfaction"])</th><th>\(s["notes"])</th></tr></thead><tbody>\n\(recordRows)</tbody></table>")
        <h2>\(s["timeline"])</h2>
        <table class="timeline"><thead><tr><th>\(s["time"])</th><th>\(s["by"])</th><th>\(s["action"])</th><th>\(s["detail"])</th><th>\(s["commit"])</th><th>\(s["author"])</th><th>\(s["signature"])</th></tr></thead><tbody>
        \(stepRows)</tbody></table>
        </div>

        """
    }

    /// The printed forms: the record of the case, and the revisit record where it has one.
    private var forms: Markup {
        let s = frame.s
        let colon = s["colon"]
        let process = Markup.each(steps.filter(\.isProcess)) { r in
            "\(r.at) \(r.by) \(r.action) \(r.detail)\(r.lateEntry.map { " （\($0)）" as Markup } ?? "")<br>"
        }
        let revisits = Markup.each(revisitRecords) { r in
            "\(r.at) \(r.by) \(r.mode) \(r.verdict) \(r.notes)\(r.lateEntry.map { " （\($0)）" as Markup } ?? "")<br>"
        }
        var out: Markup = """
        <section class="form print-only" aria-hidden="true">
        <p class="form-title">\(formTitle)</p>
        <p class="form-meta"><span>\(frame.siteName)</span><span>\(s["formNumber"])\(colon)\(ref.id)</span></p>
        <table class="form">
        <tr><th>\(s["formNumber"])</th><td>\(ref.id)</td><th>\(s["receivedAt"])</th><td>\(received)</td></tr>
        <tr><th>\(s["channel"])</th><td>\(channel)</td><th>\(s["unit"])</th><td>\(ref.unit)</td></tr>
        <tr><th>\(s["reporter"])</th><td>\(ref.reporter) \(ref.phone)</td><th>\(s["kind"])</th><td>\(ref.kind)</td></tr>
        <tr><th>\(s["matter"])</th><td colspan="3" class="tall">\(ref.summary)\(details.map { "<br>\($0)" as Markup } ?? "")</td></tr>
        <tr><th>\(s["formProcess"])</th><td colspan="3" class="tall">\(process)</td></tr>
        <tr><th>\(s["formResult"])</th><td colspan="3" class="tall">\(resolution ?? "")\(referral ?? "")\(unresolvableReason ?? "")</td></tr>
        <tr><th>\(s["formRevisitRecord"])</th><td colspan="3" class="tall">\(revisits)</td></tr>
        <tr><th rowspan="2">\(s["formSignatures"])</th><td class="sign">\(s["formReceiver"])\(colon)\(firstResponder)</td><td class="sign">\(s["formHandler"])\(colon)</td><td class="sign">\(s["formSupervisor"])\(colon)</td></tr>
        <tr><td class="sign">\(s["formOwner"])\(colon)</td><td class="sign" colspan="2">\(s["formDate"])\(colon)</td></tr>
        </table>
        </section>

        """
        guard !revisitRecords.isEmpty || !plans.isEmpty else { return out }
        // A blank revisit to fill in by hand when none is recorded yet.
        let records = revisitRecords.isEmpty
            ? [RevisitRecord(at: "", by: "", mode: "", satisfied: false, verdict: "", notes: "", lateEntry: nil)] : revisitRecords
        let rows = Markup.each(records) { r in
            """
            <tr><th>\(s["formRevisitTime"])</th><td>\(r.at)</td><th>\(s["formRevisitMode"])</th><td>\(r.mode)</td></tr>
            <tr><th>\(s["formRevisitor"])</th><td>\(r.by)</td><th>\(s["satisfaction"])</th><td>\(r.verdict)</td></tr>
            <tr><th>\(s["formRevisitContent"])</th><td colspan="3" class="tall">\(r.notes)\(r.lateEntry.map { "<br>\($0)" as Markup } ?? "")</td></tr>

            """
        }
        out += """
        <section class="form print-only" aria-hidden="true">
        <p class="form-title">\(revisitFormTitle)</p>
        <p class="form-meta"><span>\(frame.siteName)</span><span>\(s["formNumber"])\(colon)\(ref.id)</span></p>
        <table class="form">
        <tr><th>\(s["formNumber"])</th><td>\(ref.id)</td><th>\(s["unit"])</th><td>\(ref.unit)</td></tr>
        <tr><th>\(s["reporter"])</th><td>\(ref.reporter) \(ref.phone)</td><th>\(s["matter"])</th><td>\(ref.summary)</td></tr>
        <tr><th>\(s["formResult"])</th><td colspan="3">\(resolution ?? "")</td></tr>
        \(rows)<tr><th>\(s["formOpinion"])</th><td colspan="3" class="sign"></td></tr>
        <tr><th>\(s["formSignatures"])</th><td class="sign">\(s["formRevisitor"])\(colon)</td><td class="sign">\(s["formOwner"])\(colon)</td><td class="sign">\(s["formDate"])\(colon)</td></tr>
        </table>
        </section>

        """
        return out
    }
}

extension Dashboard {
    func standing(_ d: Deadline, in file: CaseFile) -> (key: String, text: String, cssClass: String) {
        // A deadline met by a late entry 补录 says when that step was recorded.
        let recorded = Schedule.fulfilment(of: d, in: file).flatMap(\.recordedAt).map { " · " + s.fill("lateEntryRecorded", [time.minute($0)]) } ?? ""
        switch Schedule.standing(of: d, in: file, at: now) {
        case .met(let at, false): return ("met", "\(s["met"]) \(time.minute(at))" + recorded, "ok")
        case .met(let at, true): return ("met-late", "\(s["metLate"]) \(time.minute(at))" + recorded, "late")
        case .pending(true):
            let recorded = d.breachedAt.map { " · \(s["breachRecorded"]) \(time.minute($0))" } ?? ""
            return ("overdue", s["overdueNow"] + recorded, "late")
        case .pending(false): return ("pending", s["notDue"], "")
        }
    }

    /// What an event says, in words: department, assignee, level, text, result, …
    func detail(_ e: Event, in file: CaseFile) -> String {
        var parts: [String] = []
        if e.action == .open, let i = e.intake { parts.append(s.kindWithGrade(i)) }
        if let d = e.department { parts.append(s.department(d)) }
        if let a = e.assignee { parts.append("→ " + staffName(a)) }
        if let l = e.level { parts.append(s.level(l)) }
        if let k = e.kind { parts.append(s.kind(k)) }
        if let v = e.severity { parts.append(s.severity(v)) }
        if let v = e.repairSize { parts.append(s.repairSize(v)) }
        if let v = e.valid { parts.append(v ? s["valid"] : s["invalid"]) }
        if let st = e.step { parts.append(s.step(st)) }
        if let c = e.correction {
            // Display forms only: a resident's name or phone is masked, free text scrubbed.
            let none = s["desk.none"]
            let from = c.fromDisplay.isEmpty ? none : scrub(c.fromDisplay, file)
            let to = c.toDisplay.isEmpty ? none : scrub(c.toDisplay, file)
            parts.append("\(s.field(c.field)) \(from) → \(to)")
        }
        for text in [e.text, e.result, e.reason, e.agency] { if let text { parts.append(scrub(text, file)) } }
        if e.customerConfirmed == true { parts.append(s["customerConfirmed"]) }
        if let r = e.rating { parts.append("\(s["rating"]) \(r)/5") }
        if let m = e.mode { parts.append(s.mode(m)) }
        if let v = e.satisfied { parts.append(v ? s["satisfied"] : s["unsatisfied"]) }
        if let n = e.notes { parts.append(scrub(n, file)) }
        if e.ownerInformed == true { parts.append(s["ownerInformed"]) }
        if e.directorInformed == true { parts.append(s["directorInformed"]) }
        return parts.joined(separator: " · ")
    }

    /// A late entry's mark 补录 — when it was recorded and why, the reason scrubbed like any free
    /// text — or nil for a step recorded as it happened (002 篇1 §4.2).
    func lateEntry(_ e: Event, in file: CaseFile) -> String? {
        guard let recordedAt = e.recordedAt else { return nil }
        return s.fill("lateEntryDetail", [time.minute(recordedAt), e.lateReason.map { scrub($0, file) } ?? "—"])
    }
}
