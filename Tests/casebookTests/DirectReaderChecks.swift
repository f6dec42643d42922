import Foundation
import Testing
@testable import CaseModel

/// What every direct reader (settings, staff, procedures, calendar) is held to: on damaged and
/// unusual copies of its samples, it reads what `JSONDecoder` reads or leaves the file to it, and
/// `RecordJSON.decode` gives `JSONDecoder`'s outcome either way.
enum DirectReaderChecks {
    /// Every one of `samples` (files casebook writes or ships) is read directly, as `JSONDecoder` reads it.
    static func samplesReadAsJSONDecoderReads<T: Decodable & Equatable>(_ type: T.Type, _ samples: [Data], direct: (Data) -> T?) {
        for data in samples {
            let value = direct(data)
            #expect(value != nil, "the reader left a file casebook writes to JSONDecoder: \(String(decoding: data, as: UTF8.self).prefix(120))")
            #expect(value == (try? JSONDecoder().decode(T.self, from: data)))
        }
    }

    /// Checks `count` damaged copies of each sample and one per replacement; returns how many
    /// copies were checked and how many the reader read itself.
    static func damagedCopiesGiveJSONDecoderOutcome<T: Decodable & Equatable>(
        _ type: T.Type, samples: [Data], count: Int, replacing: [(String, String)], direct: (Data) -> T?
    ) -> (checked: Int, readDirectly: Int) {
        var checked = 0, readDirectly = 0
        for data in samples {
            for variant in CaseFileReaderTests.damagedCopies(of: data, count: count, replacing: replacing) {
                let foundation = try? JSONDecoder().decode(T.self, from: variant)
                if let value = direct(variant) {
                    readDirectly += 1
                    #expect(value == foundation, "\(String(decoding: variant, as: UTF8.self).prefix(300))")
                }
                #expect((try? RecordJSON.decode(T.self, from: variant, file: "record.json")) == foundation)
                checked += 1
            }
        }
        return (checked, readDirectly)
    }
}
