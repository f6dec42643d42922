import ArgumentParser
import CaseModel
import CasebookEngine
import Crypto
import Foundation
import GitStore

extension Casebook {
    /// `casebook simulate`: months of a service centre, played through the same steps staff take.
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "simulate",
            abstract: "Create a case repository and play months of a simulated service centre into it.",
            discussion: """
            A roster (receptionists, assistants, supervisor, manager, director, general manager, department heads,
            engineers), each with an SSH key derived from the seed, so every step is a commit signed by its author;
            requests of every kind arrive in working hours and go through the same validation, files and commits
            as the commands (open, dispatch, escalate, resolve, revisit, close, refer, unresolvable, reclassify),
            with sweep three times a day and the monthly sample. The same seed gives the same repository.
            The keys are in DIR/.git/casebook/keys/ (outside the history): CASEBOOK_SIGNING_KEY=DIR/.git/casebook/keys/li.na
            signs as li.na.
            --bulk (benchmarks only) validates every step the same way but commits each day's files at once, as
            the system member.
            Example: casebook simulate --out demo --months 3 --seed 7
            """
        )

        @Option(help: "Directory for the new repository (must not exist or be empty).") var out: String
        @Option(help: "How many months to play.") var months: Int = 3
        @Option(help: "Seed: the same seed gives the same repository.") var seed: UInt64 = 1
        @Option(help: "Requests arriving on a working day, on average (weekends and holidays: two thirds).") var casesPerDay: Int = 12
        @Option(help: "Procedure profile: residential, villa or mall.") var profile: String = "residential"
        @Option(help: ArgumentHelp("First month played, YYYY-MM (the calendars cover 2025–2026).", valueName: "month")) var start: String = "2026-09"
        @Option(help: ArgumentHelp("Stop earlier than the end of the last month, at this time (ISO 8601).", valueName: "time")) var until: String?
        @Flag(help: "Commit each day's files at once (benchmarks only; every step is still validated).") var bulk = false
        @Flag(help: "Make no keys: commits are unsigned.") var unsigned = false
        @Option(help: .hidden) var packEvery: Int = Simulate.packInterval

        func validate() throws {
            guard (1...36).contains(months) else { throw ValidationError("--months: 1 to 36") }
            guard (1...5000).contains(casesPerDay) else { throw ValidationError("--cases-per-day: 1 to 5000") }
            guard packEvery >= 1 else { throw ValidationError("--pack-every: at least 1") }
            guard Defaults.profiles.contains(profile) else {
                throw ValidationError("--profile must be one of \(Defaults.profiles.joined(separator: ", "))")
            }
            guard start.count == 7, start.dropFirst(4).first == "-", Int(start.prefix(4)) != nil, let m = Int(start.suffix(2)), (1...12).contains(m) else {
                throw ValidationError("--start: YYYY-MM, e.g. 2026-09")
            }
        }

        func run() throws {
            let zone = TimeZone(identifier: "Asia/Shanghai") ?? .current
            guard let first = Timestamp.parse("\(start)-01T08:00:00", defaultZone: zone) else { throw Failure(key: "startNotMonth") }
            var end = first.addingMonths(months).adding(seconds: -8 * 3600 - 1)
            if let until {
                guard let t = Timestamp.parse(until, defaultZone: zone), t > first, t <= end else {
                    throw Failure(key: "badUntil", "\(until.prefix(40))")
                }
                end = t
            }
            let fm = FileManager.default
            if let items = try? fm.contentsOfDirectory(atPath: out), !items.isEmpty { throw Failure(key: "outNotEmpty", "\(out)") }
            let begun = Date()
            _ = try Init.create(at: out, profile: profile, site: "翠湖花园物业服务中心", desk: "A01", at: first.adding(seconds: -3600),
                                hostKey: try Simulate.key(seed: seed, id: "system"))
            let ws = try Workspace(path: out)
            // The work tree and index are written once, at the end: each commit moves the branch only.
            ws.repo.defersWorkTree = true
            // Objects go into packs, not one loose file each (millions at 100,000 cases): written every
            // `--pack-every` commits (default `packInterval`) and at the end, or when a step fails, so the branch never names
            // an object that is not on disk.
            try ws.repo.packObjects(every: packEvery)
            defer { try? ws.repo.writePack() }
            var clock = first.adding(seconds: -1800)
            ws.clock = { clock }
            try Simulate.hire(into: ws, seed: seed, signed: !unsigned) { clock = clock.adding(seconds: 5) }
            // The estate's units, for intake and the round's coverage (records/casebook.json units);
            // `--bulk` (benchmarks) plays no round.
            clock = clock.adding(seconds: 5)
            var settings = ws.settings
            settings.units = Roster.units
            if !bulk, let manager = ws.staff[StaffID(rawValue: Roster.staff[0].0)] {
                try ws.commit([FileChange(path: Workspace.settingsPath, content: try RecordJSON.encode(settings))], by: manager, at: clock, message: """
                    settings: the estate's units

                    Action: settings
                    """)
            }

            let simulator = Simulator(workspace: ws, seed: seed, perDay: casesPerDay, bulk: bulk, start: first) { line in
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
            try simulator.run(until: end)
            try ws.repo.writePack()
            ws.repo.defersWorkTree = false
            try ws.repo.checkoutHead()
            let t = simulator.totals
            let seconds = Date().timeIntervalSince(begun)
            print("\(out): \(t.cases) cases, \(t.events) events in \(t.commits) commits (\(bulk ? "bulk" : "one per event")), "
                  + "\(t.closed) closed, \(t.late) late, \(t.unsatisfied) unsatisfied revisits; played up to \(end) in \(String(format: "%.1f", seconds)) s")
            // The slips the simulation chose, as the dashboard should show them.
            print("slips: \(t.overdueAtEnd) overdue deadlines, \(t.unplannedOverdue) unplanned, \(t.missedReviews) daily reviews missed; "
                  + "\(t.lateEntries) late entries, \(t.against) complaints against staff, \(t.reviews) reviews, \(t.archives) archives")
        }

        /// Commits between two packs: what they bring is held in memory until then (about 20 KB
        /// a commit: the case file and the trees above it) and deltas are found only within a pack.
        static let packInterval = 4096

        /// The Ed25519 key of `id` derived from the seed.
        static func key(seed: UInt64, id: String) throws -> SSHKey {
            let material = Data(SHA256.hash(data: Data("casebook.simulate/1|\(seed)|\(id)".utf8)))
            return try SSHKey(seed: material, comment: "\(id)@cuihu.example")
        }

        /// Registers the roster through `Workspace.register` (the manager first, then everyone by
        /// the manager), each with an Ed25519 key derived from the seed, and gives `system` one too.
        static func hire(into ws: Workspace, seed: UInt64, signed: Bool, tick: () -> Void) throws {
            let folder = ws.repo.gitDirectory + "casebook/keys/"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            func key(for id: String) throws -> String? {
                guard signed else { return nil }
                let key = try Simulate.key(seed: seed, id: id)
                let path = folder + id
                try key.privateKeyFile.write(toFile: path, atomically: false, encoding: .utf8)
                try key.publicKeyLine.appending("\n").write(toFile: path + ".pub", atomically: false, encoding: .utf8)
                chmod(path, 0o600)
                ws.keyFiles[StaffID(rawValue: id)] = path
                return key.publicKeyLine
            }
            let manager = Roster.staff[0].0
            for (id, name, role, department) in Roster.staff {
                tick()
                var member = Staff(id: StaffID(rawValue: id), name: name, email: "\(id)@cuihu.example", roles: [role],
                                   department: department, key: try key(for: id))
                // The assistants' areas and superior for the daily round (003 九.2–九.3).
                if let area = Roster.areas[id] {
                    member.area = area
                    member.superior = Roster.superior
                }
                try ws.register(member, actor: id == manager ? nil : manager)
            }
            guard signed, var registry = Optional(ws.staff), let k = registry.staff.firstIndex(where: { $0.roles.contains(.system) }),
                  let author = registry[StaffID(rawValue: manager)] else { return }
            let hostKey = try key(for: registry.staff[k].id.rawValue)
            // `init` registered the same seed-derived host key already.
            guard registry.staff[k].key != hostKey else { return }
            tick()
            registry.staff[k].key = hostKey
            try ws.saveStaff(registry, by: author, message: """
                staff: signing key for \(registry.staff[k].id.rawValue)

                Staff-Id: \(registry.staff[k].id.rawValue)
                Action: staff-key
                """)
        }
    }
}
