import CaseModel
import Procedures

// The monthly figures' facts of a case (`ReportFacts`) in the summary cache's file.

extension SummaryCache.Writer {
    mutating func report(_ r: ReportFacts) {
        onTime(r.onTime)
        onTime(r.onTimeAsRecorded)
        u32(UInt32(r.lateEntries))
        if let last = r.lastResolution {
            bytes.append(1 | (last.confirmed ? 2 : 0) | (last.rated ? 4 : 0))
            time(last.at)
        } else {
            bytes.append(0)
        }
        times(r.revisitSteps)
        u32(UInt32(r.revisits))
        u32(UInt32(r.satisfied))
        u32(UInt32(r.homeVisits))
        times(r.unsatisfiedRevisits)
        time(r.latestStep)
    }

    mutating func onTime(_ o: ReportFacts.OnTime) {
        bytes.append((o.late ? 1 : 0) | (o.pendingUntil == nil ? 0 : 2))
        if let t = o.pendingUntil { time(t) }
    }

    mutating func times(_ ts: [Timestamp]) {
        u32(UInt32(ts.count))
        for t in ts { time(t) }
    }
}

extension SummaryCache.Reader {
    mutating func report() throws -> ReportFacts {
        let onTime = try self.onTime()
        let recorded = try self.onTime()
        let lateEntries = Int(try u32())
        let flags = try byte()
        guard flags < 8 else { throw SummaryCache.Damaged() }
        let last = flags & 1 == 0 ? nil : ReportFacts.Resolution(at: try time(), confirmed: flags & 2 != 0, rated: flags & 4 != 0)
        let steps = try times()
        let revisits = Int(try u32()), satisfied = Int(try u32()), home = Int(try u32())
        return ReportFacts(onTime: onTime, onTimeAsRecorded: recorded, lateEntries: lateEntries, lastResolution: last, revisitSteps: steps,
                           revisits: revisits, satisfied: satisfied, homeVisits: home, unsatisfiedRevisits: try times(),
                           latestStep: try time())
    }

    mutating func onTime() throws -> ReportFacts.OnTime {
        let flags = try byte()
        guard flags < 4 else { throw SummaryCache.Damaged() }
        return ReportFacts.OnTime(late: flags & 1 != 0, pendingUntil: flags & 2 == 0 ? nil : try time())
    }

    mutating func times() throws -> [Timestamp] {
        let n = Int(try u32())
        guard n <= (bytes.count - i) / 16 else { throw SummaryCache.Damaged() }
        return try (0..<n).map { _ in try time() }
    }
}
