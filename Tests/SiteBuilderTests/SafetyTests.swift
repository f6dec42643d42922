import CaseModel
import Foundation
@testable import SiteBuilder
import Testing

/// What must hold on every file of the site: escaping, privacy, relative links that resolve.
@Suite struct SafetyTests {
    @Test func hostileCaseTextIsEscaped() throws {
        let site = try fixtureSite()
        let page = try #require(site["cases/C-20261118-T01-0001.html"]).text
        #expect(page.contains("<dt>事由</dt><dd>电梯&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;困人&quot;</dd>"))
        #expect(page.contains("a,b &quot;c&quot; &lt;b&gt;d&lt;/b&gt;"))
        #expect(page.contains("<title>C-20261118-T01-0001 · 测试服务中心 &lt;&amp;&gt;</title>"))
        for file in site where file.path.hasSuffix(".html") {
            let html = file.text
            // The only script element is the dashboard's own, by relative path.
            let scripts = html.components(separatedBy: "<script").dropFirst().map { String($0.prefix { $0 != "<" }) }
            let root = file.path.contains("/") ? "../" : ""
            #expect(scripts == [" src=\"\(root)assets/casebook.js\">"], "\(file.path)")
            #expect(!html.contains("alert('x')"), "\(file.path)")
            #expect(!html.contains("<b>d</b>"), "\(file.path)")
        }
    }

    @Test func noFullPhoneNumberOrNameInAnyFile() throws {
        var files = try fixtureSite()
        files += try fixtureSite(language: .en)
        let phone = try Regex("1[3-9][0-9]{9}")
        for file in files {
            let text = file.text
            #expect(text.firstMatch(of: phone) == nil, "\(file.path) holds a phone number")
            for r in residents {
                #expect(!text.contains(r.name), "\(file.path) holds the full name \(r.name)")
            }
        }
        // The display forms are there instead, also where staff typed the numbers into free text.
        let major = try #require(files["cases/C-20261118-T01-0001.html"]).text
        #expect(major.contains("钱**说：请回电139****4444，或找刘** 137****1111"))
    }

    @Test func phoneMaskingInFreeText() {
        #expect(Privacy.maskPhones("电话13812345678。") == "电话138****5678。")
        #expect(Privacy.maskPhones("12345678901 and 0755-12345678") == "12345678901 and 0755-12345678")
        #expect(Privacy.maskPhones("1381234567813912345678") == "138****5678139****5678")
        // Full names are scrubbed when the text is recorded (the dashboard holds no key).
        #expect(Privacy.scrub("王**说13812345678") == "王**说138****5678")
    }

    @Test func everyLinkIsRelativeAndResolvesToAGeneratedFile() throws {
        let site = try fixtureSite()
        let paths = Set(site.map(\.path))
        let reference = try Regex(#"(?:href|src)="([^"]*)""#)
        var checked = 0
        for file in site where file.path.hasSuffix(".html") || file.path.hasSuffix(".atom") {
            let folder = (file.path as NSString).deletingLastPathComponent
            for match in file.text.matches(of: reference) {
                let target = String(match.output[1].substring ?? "")
                if target.hasPrefix("#") { continue }
                #expect(!target.hasPrefix("/") && !target.contains("://") && !target.contains(":"), "\(file.path): \(target) is not relative")
                var parts = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
                for part in target.split(separator: "#")[0].split(separator: "/") {
                    if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(String(part)) }
                }
                let resolved = parts.joined(separator: "/")
                #expect(paths.contains(resolved), "\(file.path): \(target) → \(resolved) is not generated")
                checked += 1
            }
        }
        #expect(checked > 150)
    }
}
