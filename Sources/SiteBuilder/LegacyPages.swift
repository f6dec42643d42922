import CaseModel
import Foundation
import Mustache
import Procedures

/// TEMPORARY: the Mustache pages, kept only to compare the typed pages with them (removed before merge).
extension Dashboard {

    /// Every file of the site, handed to `emit` one at a time as it is made, so a site of any
    /// size is written with one page in memory.
    func legacyBuild(skipping: Set<CaseID> = [], progress: ((Int, Int) -> Void)? = nil, emit: (SiteFile) throws -> Void) throws {
        var library = MustacheLibrary()
        _ = ByteEscapedHTML.registered
        for (name, text) in Templates.all {
            do {
                // Every template is HTML escaped byte by byte (see `ByteEscapedHTML`).
                try library.register("{{% CONTENT_TYPE: HTML }}\n" + text, named: name)
            } catch {
                throw SiteError.template(name)
            }
        }
        func page(_ path: String, _ template: String, _ context: [String: Any]) throws -> SiteFile {
            guard let html = library.render(context, withTemplate: template) else { throw SiteError.template(template) }
            return SiteFile(path: path, text: html)
        }
        try emit(try page("index.html", "index", overviewPage()))
        try emit(try page("open.html", "open", openPage()))
        try emit(try page("overdue.html", "overdue", overduePage()))
        try emit(try page("revisits.html", "revisits", revisitsPage()))
        // Case pages, most of a site: rendered on all cores a batch at a time, written in order.
        let pending = sortedCases.filter { !skipping.contains($0.id) }
        let batch = 256
        for start in stride(from: 0, to: pending.count, by: batch) {
            let slice = Array(pending[start..<min(start + batch, pending.count)])
            for result in slice.concurrentMap({ try page("cases/\($0.id.rawValue).html", "case", casePage($0)) }) {
                try emit(try result.get())
            }
            let done = start + slice.count
            if done / 2000 > start / 2000 { progress?(done, pending.count) }
        }
        for month in months {
            try emit(try page("reports/\(month).html", "report", reportPage(month)))
        }
        if let rule = accountability {
            try emit(try page(Dashboard.accountabilityPath, "accountability", accountabilityPage(rule)))
        }
        try emit(SiteFile(path: "revisits.ics", text: revisitCalendar()))
        try emit(SiteFile(path: "overdue.atom", text: overdueFeed()))
        try emit(SiteFile(path: "cases.csv", content: casesCSV()))
        try emit(SiteFile(path: "cases.json", content: try casesJSON()))
        for asset in Assets.files { try emit(SiteFile(path: asset.path, text: asset.content)) }
    }
    /// The fields every page's frame uses.
    func legacyFrame(page: String, title: String, root: String) -> [String: Any] {
        var nav: [[String: Any]] = [
            ["href": "index.html", "label": s["overview"], "current": page == "index"],
            ["href": "open.html", "label": s["openCases"], "current": page == "open"],
            ["href": "overdue.html", "label": s["overdue"], "current": page == "overdue"],
            ["href": "revisits.html", "label": s["revisits"], "current": page == "revisits"],
        ]
        if let latest = months.contains(thisMonth) ? thisMonth : months.last {
            nav.append(["href": "reports/\(latest).html", "label": s["monthlyReport"], "current": page == "report"])
        }
        return ["page": page, "title": title, "root": root, "siteName": siteName, "lang": language.rawValue,
                "t": s.all, "nav": nav, "generatedAt": time.minute(now), "timeZone": timeZone.identifier]
    }
    /// The fields that name a case wherever it is listed; `root` leads back to the top folder.
    func reference(_ file: CaseFile, root: String) -> [String: Any] {
        let i = file.intake
        return ["id": file.id.rawValue, "href": "\(root)cases/\(file.id.rawValue).html", "kind": s.kindWithGrade(i),
                "summary": scrub(i.summary, file), "unit": scrub(i.unit ?? "", file),
                "reporter": i.reporter.nameDisplay, "phone": i.reporter.phoneMasked ?? ""]
    }

    /// `dict` with `key` set only when `value` is a non-empty string (Mustache treats any
    /// present value, even "", as true in a section).
    func put(_ dict: inout [String: Any], _ key: String, _ value: String?) {
        if let value, !value.isEmpty { dict[key] = value }
    }

    // MARK: - Overview

    func overviewPage() -> [String: Any] {
        var page = legacyFrame(page: "index", title: s["overview"], root: "")
        put(&page, "calendarWarning", calendarWarning())
        page["notifyProblems"] = notifyProblems.map { ["line": Privacy.scrub($0)] }
        page["hasUndelivered"] = !undelivered.isEmpty
        page["undelivered"] = undelivered.map { u -> [String: Any] in
            ["channel": u.channel, "subject": Privacy.scrub(u.subject), "attempts": "\(u.attempts)", "answer": u.answer]
        }
        if signaturePolicy == .optional { page["signaturesRelaxed"] = s["signaturesRelaxed"] }
        if let bounds = Sampling.bounds(of: thisMonth, in: timeZone) {
            let unsigned = unsignedSteps(from: bounds.start, to: bounds.end).reduce(0) { $0 + $1.count }
            page["unsignedCount"] = unsigned
            page["hasUnsigned"] = unsigned > 0
        }
        let index = byID
        let overdue = Agenda.overdue(cases, profile: profile, at: now).filter { $0.step != "ladder" }
        page["overdue"] = overdue.compactMap { e -> [String: Any]? in
            guard let file = index[e.caseID] else { return nil }
            var row = reference(file, root: "")
            row["step"] = s.step(e.step)
            row["due"] = time.minute(e.due)
            put(&row, "provisional", provisionalNote(file.state.deadlines.first { $0.step == e.step && $0.due == e.due }?.provisional))
            row["holder"] = staffName(e.holder)
            row["requiredLevel"] = s.level(e.requiredLevel)
            row["needsEscalation"] = e.needsEscalation
            return row
        }
        page["overdueCount"] = overdue.count
        page["hasOverdue"] = !overdue.isEmpty
        let soon = Agenda.dueSoon(cases, at: now)
        page["dueSoon"] = soon.map { file, d -> [String: Any] in
            var row = reference(file, root: "")
            row["step"] = s.step(d.step)
            row["due"] = time.minute(d.due)
            put(&row, "provisional", provisionalNote(d.provisional))
            row["holder"] = staffName(file.state.holder)
            return row
        }
        page["dueSoonCount"] = soon.count
        page["hasDueSoon"] = !soon.isEmpty
        let endOfToday = time.startOfDay(now, plus: 1)
        // The registers' visits due today or late (000 §1(7); 001 §5.6.7).
        let registerDue = registerVisits.filter { $0.nextVisitDue < endOfToday }.map(registerRow)
        page["registerVisitsDue"] = registerDue
        page["hasRegisterVisitsDue"] = !registerDue.isEmpty
        let revisitsDue = Agenda.revisits(cases, samples: samples, profile: profile).filter { $0.due < endOfToday }
        page["revisitsDue"] = revisitsDue.compactMap { revisitRow($0, root: "") }
        page["revisitsDueCount"] = revisitsDue.count
        page["hasRevisitsDue"] = !revisitsDue.isEmpty

        let open = cases.filter { $0.state.status.isOpen }
        page["openCount"] = open.count
        page["month"] = thisMonth
        if let bounds = Sampling.bounds(of: thisMonth, in: timeZone) {
            let report = MonthReport.compute(month: thisMonth, cases: cases, profile: profile, at: now, bounds: bounds)
            page["receivedCount"] = report.total.cases
            page["onTimeRate"] = percent(report.total.onTimeRate)
            page["revisitRate"] = percent(report.total.revisitRate)
            page["satisfactionRate"] = percent(report.total.satisfactionRate)
            page["monthKinds"] = report.byKind.map { reportRow($0, label: Kind(rawValue: $0.key).map(s.kind) ?? $0.key) }
            page["hasMonthKinds"] = !report.byKind.isEmpty
            if report.total.cases > 0 { page["monthReport"] = ["href": "reports/\(thisMonth).html", "month": thisMonth] }
        }
        func counts<K: Hashable>(_ keys: [K], of key: (CaseFile) -> K, label: (K) -> String) -> [[String: Any]] {
            keys.compactMap { k in
                let n = open.filter { key($0) == k }.count
                return n == 0 ? nil : ["label": label(k), "count": n]
            }
        }
        page["byKind"] = counts(Kind.allCases, of: { $0.intake.kind }, label: s.kind)
        page["byDepartment"] = counts(Department.allCases.map { Optional($0) } + [nil], of: { $0.state.department }, label: s.department)
        page["byLevel"] = counts(Level.allCases, of: { $0.state.level }, label: s.level)
        page["reports"] = months.reversed().map { ["href": "reports/\($0).html", "month": $0] }
        return page
    }

    func openPage() -> [String: Any] {
        var page = legacyFrame(page: "open", title: s["openCases"], root: "")
        let open = openCasesInOrder
        page["hasOpen"] = !open.isEmpty
        page["open"] = open.map { file -> [String: Any] in
            var row = reference(file, root: "")
            let i = file.intake, st = file.state
            row["kind"] = s.kind(i.kind)
            row["kindKey"] = i.kind.rawValue
            row["grade"] = i.severity.map(s.severity) ?? i.repairSize.map(s.repairSize) ?? ""
            row["severityKey"] = i.severity?.rawValue ?? ""
            row["status"] = s.status(st.status)
            row["department"] = s.department(st.department)
            row["departmentKey"] = st.department?.rawValue ?? "unassigned"
            row["level"] = s.level(st.level)
            row["levelKey"] = st.level.rawValue
            row["holder"] = staffName(st.holder)
            row["holderKey"] = st.holder.rawValue
            row["received"] = time.minute(i.receivedAt)
            row["receivedSort"] = LocalTime.rfc3339UTC(i.receivedAt)
            let pending = st.deadlines.filter { if case .pending = Schedule.standing(of: $0, in: file, at: now) { true } else { false } }
            let next = pending.min { $0.due < $1.due }
            row["nextDue"] = next.map { "\(s.step($0.step)) \(time.minute($0.due))" } ?? ""
            row["nextDueSort"] = next.map { LocalTime.rfc3339UTC($0.due) } ?? "9999"
            let late = Schedule.overdue(file, at: now)
            row["overdueSteps"] = s.list(late.map { s.step($0.step) })
            row["late"] = !late.isEmpty
            return row
        }
        // Labels for the script's filter menus: key → value → label, and the column names.
        var labels: [String: [String: String]] = [
            "kind": Dictionary(uniqueKeysWithValues: Kind.allCases.map { ($0.rawValue, s.kind($0)) }),
            "severity": Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, s.severity($0)) }),
            "department": Dictionary(uniqueKeysWithValues: Department.allCases.map { ($0.rawValue, s.department($0)) } + [("unassigned", s["unassigned"])]),
            "level": Dictionary(uniqueKeysWithValues: Level.allCases.map { ($0.rawValue, s.level($0)) }),
            "holder": Dictionary(open.map { ($0.state.holder.rawValue, staffName($0.state.holder)) }, uniquingKeysWith: { a, _ in a }),
        ]
        labels["_columns"] = ["kind": s["kind"], "severity": s["severity"], "department": s["department"],
                              "level": s["level"], "holder": s["holder"], "unit": s["unit"]]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        page["labels"] = (try? encoder.encode(labels)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return page
    }

    func overduePage() -> [String: Any] {
        var page = legacyFrame(page: "overdue", title: s["overdue"], root: "")
        let index = byID
        let entries = Agenda.overdue(cases, profile: profile, at: now)
        page["hasEntries"] = !entries.isEmpty
        page["entries"] = entries.compactMap { e -> [String: Any]? in
            guard let file = index[e.caseID] else { return nil }
            var row = reference(file, root: "")
            row["step"] = s.step(e.step)
            row["stepKey"] = e.step
            row["clause"] = e.clause
            row["due"] = time.minute(e.due)
            row["lateBy"] = s.duration(seconds: Int(now.date.timeIntervalSince(e.due.date)))
            row["holder"] = staffName(e.holder)
            row["level"] = s.level(e.level)
            row["requiredLevel"] = s.level(e.requiredLevel)
            row["requiredKey"] = e.requiredLevel.rawValue
            row["needsEscalation"] = e.needsEscalation
            put(&row, "candidates", s.list(candidates(for: e.requiredLevel)))
            put(&row, "requiredClause", e.requiredClause)
            return row
        }
        let missing = legacyMissingOversight()
        page["hasMissing"] = !missing.isEmpty
        page["missing"] = missing
        return page
    }

    /// Reviews not signed and months not archived, past their due time (the last five weeks).
    func legacyMissingOversight() -> [[String: Any]] {
        var rows: [[String: Any]] = []
        for kind in ReviewKind.allCases {
            let rule = Reviews.rule(kind)
            for m in Reviews.missing(kind, cases: cases, done: reviews, now: now, in: timeZone) {
                rows.append(["what": s["review." + kind.rawValue], "key": "review-\(kind.rawValue)", "period": m.from == m.to ? m.from : "\(m.from) – \(m.to)",
                             "cases": m.cases, "due": time.minute(m.due), "lateBy": s.duration(seconds: Int(now.date.timeIntervalSince(m.due.date))),
                             "who": s.list(Role.allCases.filter(rule.by.contains).map(s.role)), "clause": rule.clause, "dueAt": m.due])
            }
        }
        let archivers: [Role] = [.csAssistant, .supervisor, .manager, .director, .generalManager]
        for month in months where !archivedMonths.contains(month) {
            guard let start = Timestamp.parse(month + "-01", defaultZone: timeZone) else { continue }
            let due = start.addingMonths(1).adding(seconds: 9 * 86_400)
            guard due < now, now.date.timeIntervalSince(due.date) < 62 * 86_400 else { continue }
            rows.append(["what": s["archiveMonth"], "key": "archive", "period": month, "cases": cases.filter { time.month($0.intake.receivedAt) == month }.count,
                         "due": time.minute(due), "lateBy": s.duration(seconds: Int(now.date.timeIntervalSince(due.date))),
                         "who": s.list(archivers.map(s.role)), "clause": "002 篇2 §4.2", "dueAt": due])
        }
        return rows.sorted { ($0["dueAt"] as! Timestamp) < ($1["dueAt"] as! Timestamp) }
    }

    func revisitRow(_ r: RevisitDue, root: String) -> [String: Any]? {
        guard let file = byID[r.caseID] else { return nil }
        var row = reference(file, root: root)
        row["due"] = time.minute(r.due)
        row["dueISO"] = LocalTime.rfc3339UTC(r.due)
        row["late"] = r.due < now
        row["who"] = s.list(r.by.map(s.role))
        row["modes"] = s.list(r.modes.map(s.mode))
        row["clause"] = r.clause
        switch r.source {
        case .plan: row["source"] = s["sourcePlan"]
        case .sample(let month): row["source"] = "\(s["sourceSample"]) \(month)"
        }
        return row
    }

    /// The samples the revisit page shows: this month's and last month's (whose revisits are due
    /// early this month).
    func spotCheckRows(_ sample: MonthlySample, root: String) -> [[String: Any]] {
        let index = byID
        return sample.spotChecks.map { draw -> [String: Any] in
            let checker = profile.spotChecks?.first { $0.name == draw.name }?.checker ?? ""
            return ["name": draw.name, "checker": checker, "clause": draw.clause, "populationCount": draw.population.count,
                    "selected": draw.selected.map { pick -> [String: Any] in
                        index[pick.id] == nil ? ["id": pick.id.rawValue] : ["id": pick.id.rawValue, "href": "\(root)cases/\(pick.id.rawValue).html"]
                    }]
        }
    }

    func revisitsPage() -> [String: Any] {
        var page = legacyFrame(page: "revisits", title: s["revisits"], root: "")
        let items = Agenda.revisits(cases, samples: samples, profile: profile)
        let (late, days, later) = Agenda.schedule(items, at: now, time: time)
        page["lateItems"] = late.compactMap { revisitRow($0, root: "") }
        page["hasLate"] = !late.isEmpty
        let today = time.day(now)
        page["days"] = days.map { day -> [String: Any] in
            ["day": day.day, "weekday": s["weekday.\(time.weekday(day.start))"], "isToday": day.day == today,
             "items": day.items.compactMap { revisitRow($0, root: "") }, "hasItems": !day.items.isEmpty]
        }
        page["later"] = later.compactMap { revisitRow($0, root: "") }
        page["hasLater"] = !later.isEmpty
        let visits = registerVisits.map(registerRow)
        page["registerVisits"] = visits
        page["hasRegisterVisits"] = !visits.isEmpty
        let index = byID
        page["samples"] = currentSamples.map { sample -> [String: Any] in
            ["month": sample.month, "clause": sample.revisits.clause, "seedShort": String(sample.seed.prefix(12)),
             "populationCount": sample.revisits.population.count, "selectedCount": sample.revisits.selected.count,
             "picks": sample.revisits.selected.map { pick -> [String: Any] in
                 var row: [String: Any] = ["id": pick.id.rawValue, "due": pick.due.map(time.minute) ?? "—",
                                           "mode": pick.mode.map(s.mode) ?? "—", "kind": ""]
                 if let file = index[pick.id] {
                     row["href"] = "cases/\(pick.id.rawValue).html"
                     row["kind"] = s.kindWithGrade(file.intake)
                     let done = file.state.revisits.last { r in pick.resolvedAt.map { r.at >= $0 } ?? (r.at.localDay >= sample.month + "-01") }
                     row["standing"] = done.map { "\(s["done"]) \(time.minute($0.at))" } ?? s["pending"]
                 } else {
                     row["standing"] = s["pending"]
                 }
                 return row
             },
             "spotChecks": spotCheckRows(sample, root: "")]
        }
        return page
    }

    func registerRow(_ e: RegisterEntry) -> [String: Any] {
        let rule = profile.registers?.first { $0.register == e.register }
        let every = language == .zhHans ? "每\(e.visitEveryDays)天" : "every \(e.visitEveryDays) d"
        return ["id": e.id, "register": s["register." + e.register.rawValue], "unit": Privacy.scrub(e.unit),
                "resident": [e.resident.nameDisplay, e.resident.phoneMasked].compactMap { $0 }.joined(separator: " "),
                "contacts": (e.emergencyContacts ?? []).map { [$0.nameDisplay, $0.phoneMasked].compactMap { $0 }.joined(separator: " ") }.joined(separator: "；"),
                "due": time.minute(e.nextVisitDue), "dueISO": LocalTime.rfc3339UTC(e.nextVisitDue), "late": e.nextVisitDue < now,
                "every": every, "who": s.list((rule?.by ?? []).map(s.role)), "modes": s.list((rule?.modes ?? []).map(s.mode)), "clause": e.clause,
                "last": e.visits.last.map { time.minute($0.at) } ?? "—"]
    }

    func accountabilityPage(_ rule: AccountabilityRule) -> [String: Any] {
        var page = legacyFrame(page: "accountability", title: s["accountability"], root: "../")
        let year = Int(time.day(now).prefix(4)) ?? 0
        page["clause"] = rule.clause
        page["years"] = [year, year - 1].map { y -> [String: Any] in
            let rows = Accountability.tally(cases, year: String(y), rule: rule, zone: timeZone).map { t -> [String: Any] in
                ["id": t.staff.rawValue, "name": staffName(t.staff), "count": t.cases.count,
                 "consequence": t.consequence.map { s["consequence." + $0.consequence.rawValue] } ?? "—",
                 "cases": t.cases.map { ["id": $0.rawValue] }]
            }
            return ["year": String(y), "rows": rows, "hasRows": !rows.isEmpty]
        }
        page["ladder"] = rule.ladder.sorted { $0.atLeast < $1.atLeast }.map { ["atLeast": $0.atLeast, "consequence": s["consequence." + $0.consequence.rawValue]] }
        return page
    }

    func casePage(_ file: CaseFile) -> [String: Any] {
        var page = legacyFrame(page: "case", title: file.id.rawValue, root: "../")
        page.merge(reference(file, root: "../")) { _, new in new }
        let i = file.intake, st = file.state
        page["status"] = s.status(st.status)
        page["level"] = s.level(st.level)
        page["late"] = !Schedule.overdue(file, at: now).isEmpty
        page["received"] = time.minute(i.receivedAt)
        page["channel"] = s.channel(i.channel)
        put(&page, "details", i.details.map { scrub($0, file) })
        page["firstResponder"] = staffName(i.firstResponder)
        page["department"] = s.department(st.department)
        page["holder"] = staffName(st.holder)
        put(&page, "validity", st.valid.map { $0 ? s["valid"] : s["invalid"] })
        put(&page, "resolution", st.resolution.map { r in
            var text = "\(scrub(r.result, file)) (\(staffName(r.by)), \(time.minute(r.at)))"
            if r.customerConfirmed { text += " · " + s["customerConfirmed"] }
            if let rating = r.rating { text += " · \(s["rating"]) \(rating)/5" }
            return text
        })
        put(&page, "referral", st.referral.map { "\(scrub($0.agency, file)) (\(time.minute($0.at)))" })
        put(&page, "unresolvableReason", st.unresolvableReason.map { scrub($0, file) })
        page["special"] = SpecialFacts.rows(file, s: s, when: time.minute, name: staffName).map { ["label": $0.label, "value": $0.value] }
        page["deadlines"] = st.deadlines.map { d -> [String: Any] in
            let (key, text, css) = standing(d, in: file)
            var row: [String: Any] = ["step": s.step(d.step), "stepKey": d.step, "due": time.minute(d.due), "standing": text,
                                      "standingKey": key, "standingClass": css, "clause": d.clause]
            put(&row, "provisional", provisionalNote(d.provisional))
            return row
        }
        page["hasDeadlines"] = !st.deadlines.isEmpty
        page["plans"] = st.revisitsPlanned.map { p -> [String: Any] in
            let (text, css): (String, String) = if let done = p.doneAt {
                ("\(s["done"]) \(time.minute(done))", done > p.due ? "late" : "ok")
            } else {
                (p.due < now ? s["overdueNow"] : s["pending"], p.due < now ? "late" : "")
            }
            var row: [String: Any] = ["due": time.minute(p.due), "who": s.list(p.by.map(s.role)), "modes": s.list(p.modes.map(s.mode)),
                                      "standing": text, "standingClass": css, "clause": p.clause]
            put(&row, "provisional", provisionalNote(p.provisional))
            return row
        }
        page["hasPlans"] = !st.revisitsPlanned.isEmpty
        // Every revisit ever made, including those an unsatisfied verdict sent back.
        let records = file.events.filter { $0.action == .revisit }.map { e -> [String: Any] in
            var row: [String: Any] = ["at": time.minute(e.at), "by": staffName(e.by), "mode": e.mode.map(s.mode) ?? "",
                                      "satisfied": e.satisfied == true, "verdict": e.satisfied == true ? s["satisfied"] : s["unsatisfied"],
                                      "notes": e.notes.map { scrub($0, file) } ?? ""]
            put(&row, "lateEntry", lateEntry(e, in: file))
            return row
        }
        page["revisitRecords"] = records
        page["hasRevisitRecords"] = !records.isEmpty
        page["hasRevisitForm"] = !records.isEmpty || !st.revisitsPlanned.isEmpty
        page["revisitForms"] = records.isEmpty
            ? [["at": "", "by": "", "mode": "", "verdict": "", "notes": ""]] as [[String: Any]]
            : records
        let proofs = provenance[file.id] ?? []
        let events = file.events.enumerated().map { n, e -> [String: Any] in
            let proof = n < proofs.count ? proofs[n] : EventProvenance(commit: "", author: "", signature: .unknown)
            var row: [String: Any] = ["at": time.minute(e.at), "by": staffName(e.by), "action": s.action(e.action), "actionKey": e.action.rawValue,
                                      "detail": detail(e, in: file), "commit": proof.commit, "commitShort": String(proof.commit.prefix(10)),
                                      "author": proof.author, "signature": s.signature(proof.signature), "signatureKey": proof.signature.rawValue]
            put(&row, "lateEntry", lateEntry(e, in: file))
            put(&row, "signatureReason", signatureReason(proof.signature, by: e.by))
            return row
        }
        page["events"] = events
        page["process"] = zip(file.events, events).filter { ![.open, .revisit].contains($0.0.action) }.map(\.1)
        page["formTitle"] = s.formTitle(i.kind == .complaint ? "formComplaint" : "formReception")
        page["revisitFormTitle"] = s.formTitle("formRevisit")
        return page
    }

    // MARK: - Monthly report

    func reportRow(_ r: MonthReport.Row, label: String) -> [String: Any] {
        var row: [String: Any] = [
            "key": r.key, "label": label, "cases": r.cases, "onTime": r.onTime, "onTimeRate": percent(r.onTimeRate),
            "onTimeRateRecorded": percent(r.onTimeRateAsRecorded), "lateEntries": r.lateEntries,
            "resolved": r.resolved, "revisited": r.revisited, "revisitRate": percent(r.revisitRate),
            "requiredRate": r.requiredRevisitRate.map { "\($0)%" } ?? "—", "revisits": r.revisits, "satisfied": r.satisfied,
            "satisfactionRate": percent(r.satisfactionRate), "belowRequired": false,
        ]
        if let required = r.requiredRevisitRate, let rate = r.revisitRate, rate < Double(required) { row["belowRequired"] = true }
        return row
    }

    /// A bar per row: its on-time rate out of 100 %, 400 units wide.
    func chart(_ rows: [(label: String, rate: Double?)], caption: String) -> [String: Any] {
        let bars = rows.enumerated().map { n, r -> [String: Any] in
            let y = 10 + n * 26
            return ["label": r.label, "value": percent(r.rate), "y": y, "textY": y + 14,
                    "width": Int(((r.rate ?? 0) * 4).rounded())]
        }
        return ["bars": bars, "height": 20 + rows.count * 26, "caption": caption]
    }

    func reportPage(_ month: String) -> [String: Any] {
        var page = legacyFrame(page: "report", title: "\(s["monthlyReport"]) \(month)", root: "../")
        guard let bounds = Sampling.bounds(of: month, in: timeZone) else { return page }
        let report = MonthReport.compute(month: month, cases: cases, profile: profile, at: now, bounds: bounds, samples: samples)
        page["asOf"] = time.minute(report.at)
        if let f = report.sampled {
            page["sampled"] = ["finished": f.finished, "drawn": f.drawn, "selected": f.selected, "rate": percent(f.rate),
                               "required": f.requiredPercent.map { "\($0)%" } ?? (profile.sampling?.clause ?? "—"),
                               "revisited": f.revisited, "insideWindow": f.insideWindow, "clause": profile.sampling?.clause ?? ""] as [String: Any]
        }
        page["total"] = reportRow(report.total, label: s["total"])
        func kindLabel(_ key: String) -> String { Kind(rawValue: key).map(s.kind) ?? key }
        func departmentLabel(_ key: String) -> String { s.department(Department(rawValue: key)) }
        func severityLabel(_ key: String) -> String { Severity(rawValue: key).map(s.severity) ?? key }
        page["byKind"] = report.byKind.map { reportRow($0, label: kindLabel($0.key)) }
        page["byDepartment"] = report.byDepartment.map { reportRow($0, label: departmentLabel($0.key)) }
        page["bySeverity"] = report.bySeverity.map { reportRow($0, label: severityLabel($0.key)) }
        page["hasSeverity"] = !report.bySeverity.isEmpty
        page["lateEntries"] = report.lateEntries.map { ["id": $0.by.rawValue, "name": staffName($0.by), "count": $0.count] as [String: Any] }
        page["hasLateEntries"] = !report.lateEntries.isEmpty
        let unsigned = unsignedSteps(from: bounds.start, to: bounds.end)
        page["unsignedSteps"] = unsigned.map { ["id": $0.by.rawValue, "name": staffName($0.by), "count": $0.count] as [String: Any] }
        page["hasUnsignedSteps"] = !unsigned.isEmpty
        page["kindChart"] = chart(report.byKind.map { (kindLabel($0.key), $0.onTimeRate) }, caption: s["chartOnTimeByKind"])
        page["departmentChart"] = chart(report.byDepartment.map { (departmentLabel($0.key), $0.onTimeRate) }, caption: s["chartOnTimeByDepartment"])
        if let sample = samples.first(where: { $0.month == month && ($0.drawnOn == nil || !$0.spotChecks.isEmpty) }) {
            page["sample"] = ["spotChecks": spotCheckRows(sample, root: "../")]
        }
        return page
    }
}
