import Foundation

/// The `indicators` object of the JSON report: `Indicators` as JSONEncoder writes it (sorted keys, ISO 8601
/// dates), except that the per-leader confidence series, one point per check-in, is written by hand and
/// put in the place JSONEncoder leaves for it: through Codable it costs more than every other indicator.
enum IndicatorsJSON {
    static func encode(_ indicators: Indicators) throws -> Data {
        var rest = indicators
        rest.mentoring.confidence.perLeader = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let json = try encoder.encode(rest)
        // Only a key can appear unescaped like this: in a string value its quotes would be escaped.
        let gap = Data("\"perLeader\":[]".utf8)
        guard let range = json.range(of: gap) else { return try encoder.encode(indicators) }
        var series: [UInt8] = []
        series.reserveCapacity(64 + 40 * indicators.mentoring.confidence.perLeader.reduce(0) { $0 + $1.points.count })
        series.append(contentsOf: "\"perLeader\":[".utf8)
        for (index, leader) in indicators.mentoring.confidence.perLeader.enumerated() {
            if index > 0 { series.append(0x2C) }
            series.append(contentsOf: "{\"participant\":".utf8)
            JSONText.appendString(leader.participant, to: &series)
            series.append(contentsOf: ",\"points\":[".utf8)
            for (pointIndex, point) in leader.points.enumerated() {
                if pointIndex > 0 { series.append(0x2C) }
                series.append(contentsOf: "{\"day\":\"".utf8)
                series.append(contentsOf: point.day.iso.utf8)
                series.append(contentsOf: "\",\"value\":".utf8)
                series.appendDecimal(Int64(point.value))
                series.append(0x7D)
            }
            series.append(contentsOf: "]}".utf8)
        }
        series.append(0x5D)
        var result = json
        result.replaceSubrange(range, with: series)
        return result
    }
}
