import Foundation

/// Reads a committed sample (`records/samples/YYYY-MM.json` and the daily draws under
/// `records/samples/YYYY-MM/`) straight from its bytes into `MonthlySample`, without `JSONDecoder`.
///
/// The dashboard reads every sample at every build: at 100,000 cases a year of daily draws is
/// some 380 files, and `JSONDecoder` took a twentieth of a rebuild decoding them. A fast path like
/// `StaffReader`, never a second definition: it accepts only what it fully understands (every key
/// known, every value of the expected type, no key twice) and gives nil otherwise, so that
/// `RecordJSON.decode` falls back to `JSONDecoder`, which decodes the file or names its fault as
/// before. A test keeps both paths equal on samples `casebook sample` and `sweep` write and on
/// damaged copies of them.
enum SampleReader {
    /// The sample in `data`, or nil where `JSONDecoder` must decide.
    static func read(_ data: Data) -> MonthlySample? {
        CaseFileReader.whole(data) { r throws(CaseFileReader.GiveUp) in try r.monthlySample() }
    }
}

extension CaseFileReader.Reader {
    mutating func monthlySample() throws(GiveUp) -> MonthlySample {
        var format: String?, month: String?, profile: String?, seed: String?, revisits: MonthlySample.Draw?
        var spotChecks: [MonthlySample.Draw]?, drawnOn: String?
        try object { r, key throws(GiveUp) in
            switch key {
            case "format": format = try r.string()
            case "month": month = try r.string()
            case "profile": profile = try r.string()
            case "seed": seed = try r.string()
            case "revisits": revisits = try r.draw()
            case "spotChecks": spotChecks = try r.array { r throws(GiveUp) in try r.draw() }
            case "drawnOn": drawnOn = try r.optional { r throws(GiveUp) in try r.string() }
            default: throw GiveUp()
            }
        }
        var sample = MonthlySample(month: try Self.need(month), profile: try Self.need(profile), seed: try Self.need(seed),
                                   revisits: try Self.need(revisits), spotChecks: try Self.need(spotChecks), drawnOn: drawnOn)
        sample.format = try Self.need(format)
        return sample
    }

    mutating func draw() throws(GiveUp) -> MonthlySample.Draw {
        var name: String?, population: [CaseID]?, selected: [MonthlySample.Pick]?, clause: String?
        var priorPopulation: Int?, priorSelected: Int?
        try object { r, key throws(GiveUp) in
            switch key {
            case "name": name = try r.string()
            case "population": population = try r.array { r throws(GiveUp) in CaseID(rawValue: try r.string()) }
            case "selected": selected = try r.array { r throws(GiveUp) in try r.pick() }
            case "clause": clause = try r.string()
            case "priorPopulation": priorPopulation = try r.optional { r throws(GiveUp) in try r.int() }
            case "priorSelected": priorSelected = try r.optional { r throws(GiveUp) in try r.int() }
            default: throw GiveUp()
            }
        }
        return MonthlySample.Draw(name: try Self.need(name), population: try Self.need(population), selected: try Self.need(selected),
                                  clause: try Self.need(clause), priorPopulation: priorPopulation, priorSelected: priorSelected)
    }

    mutating func pick() throws(GiveUp) -> MonthlySample.Pick {
        var id: CaseID?, due: Timestamp?, mode: RevisitMode?, resolvedAt: Timestamp?
        try object { r, key throws(GiveUp) in
            switch key {
            case "id": id = CaseID(rawValue: try r.string())
            case "due": due = try r.optional { r throws(GiveUp) in try r.time() }
            case "mode": mode = try r.optional { r throws(GiveUp) in try r.raw(RevisitMode.self) }
            case "resolvedAt": resolvedAt = try r.optional { r throws(GiveUp) in try r.time() }
            default: throw GiveUp()
            }
        }
        return MonthlySample.Pick(id: try Self.need(id), due: due, mode: mode, resolvedAt: resolvedAt)
    }
}
