/// What every page shares: the head with the navigation, and the foot with the feeds. `root`
/// is the relative way back to the site's top folder (`""` or `"../"`).
struct PageFrame: Sendable {
    struct NavLink: Sendable {
        var href: String
        var label: String
        var current: Bool
    }

    /// The page's name, as the body's class says it (`index`, `open`, `case`, …).
    var page: String
    var title: String
    var root: String
    var siteName: String
    var language: Language
    var nav: [NavLink]
    var generatedAt: String
    var timeZone: String

    var s: Strings { Strings(language) }

    /// The head of the page, up to and including its `<h1>`.
    var head: Markup {
        let links = Markup.each(nav) { link in
            "<a href=\"\(root)\(link.href)\"\(if: link.current, " aria-current=\"page\"")>\(link.label)</a> "
        }
        return """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · \(siteName)</title>
        <link rel="stylesheet" href="\(root)assets/casebook.css">
        <link rel="alternate" type="application/atom+xml" href="\(root)overdue.atom" title="\(s["overdueFeed"])">
        </head>
        <body class="page-\(page)">
        <a class="skip" href="#main">\(s["skipToContent"])</a>
        <header class="site">
        <p class="site-name">\(siteName)</p>
        <nav>\(links)</nav>
        </header>
        <main id="main">
        <h1>\(title)</h1>

        """
    }

    /// The end of the page: when it was made, the feeds, the script.
    var foot: Markup {
        """
        </main>
        <footer>
        <p>\(s["generatedAt"]) \(generatedAt) · \(s["timeZone"]) \(timeZone)</p>
        <p>\(s["feeds"]): <a href="\(root)cases.csv">cases.csv</a> · <a href="\(root)cases.json">cases.json</a> · <a href="\(root)revisits.ics">revisits.ics</a> · <a href="\(root)overdue.atom">overdue.atom</a></p>
        </footer>
        <script src="\(root)assets/casebook.js"></script>
        </body>
        </html>

        """
    }

    /// The whole page: head, `body`, foot.
    func page(_ body: Markup) -> String {
        var out = head
        out += body
        out += foot
        return out.html
    }
}

extension Dashboard {
    /// The frame of a page: its name, title and way back to the top folder.
    func pageFrame(page: String, title: String, root: String) -> PageFrame {
        var nav: [PageFrame.NavLink] = [
            .init(href: "index.html", label: s["overview"], current: page == "index"),
            .init(href: "open.html", label: s["openCases"], current: page == "open"),
            .init(href: "overdue.html", label: s["overdue"], current: page == "overdue"),
            .init(href: "revisits.html", label: s["revisits"], current: page == "revisits"),
        ]
        if let latest = reportInNavigation {
            nav.append(.init(href: "reports/\(latest).html", label: s["monthlyReport"], current: page == "report"))
        }
        if rounds != nil { nav.append(.init(href: Dashboard.roundPath, label: s["roundNav"], current: page == "round")) }
        if contracts != nil { nav.append(.init(href: Dashboard.contractsPath, label: s["contractsTitle"], current: page == "contracts")) }
        return PageFrame(page: page, title: title, root: root, siteName: siteName, language: language, nav: nav,
                         generatedAt: time.minute(now), timeZone: timeZone.identifier)
    }
}
