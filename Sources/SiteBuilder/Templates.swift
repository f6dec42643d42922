/// The dashboard's templates (Mustache: `{{ }}` escapes HTML, which is the point; no template
/// uses the unescaped `{{{ }}}`). Every label is `{{t.key}}` from `Strings`; `root` is the
/// relative way back to the site's top folder (`""` or `"../"`).
enum Templates {
    static let all: [(name: String, text: String)] = [
        ("head", head), ("foot", foot), ("chart", chart),
        ("index", index), ("open", open), ("overdue", overdue), ("revisits", revisits),
        ("case", casePage), ("report", report), ("accountability", accountability),
        ("contracts", contracts), ("contractsSummary", contractsSummary),
    ]

    static let accountability = """
    {{> head}}
    <p class="muted">{{t.accountabilityNote}} [{{clause}}]</p>
    <table class="ladder"><thead><tr><th class="num">{{t.validComplaints}}</th><th>{{t.consequence}}</th></tr></thead><tbody>
    {{#ladder}}<tr><td class="num">≥ {{atLeast}}</td><td>{{consequence}}</td></tr>
    {{/ladder}}</tbody></table>
    {{#years}}
    <h2>{{year}}</h2>
    {{^hasRows}}<p class="ok">{{t.none}}</p>{{/hasRows}}
    {{#hasRows}}<table class="accountability" data-year="{{year}}"><thead><tr><th>{{t.staffMember}}</th><th class="num">{{t.validComplaints}}</th><th>{{t.consequence}}</th><th>{{t.complaintCases}}</th></tr></thead><tbody>
    {{#rows}}<tr data-staff="{{id}}" data-count="{{count}}"><td>{{name}} ({{id}})</td><td class="num">{{count}}</td><td>{{consequence}}</td><td>{{#cases}}<a href="../cases/{{id}}.html">{{id}}</a> {{/cases}}</td></tr>
    {{/rows}}</tbody></table>{{/hasRows}}
    {{/years}}
    {{> foot}}
    """

    static let head = """
    <!DOCTYPE html>
    <html lang="{{lang}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} · {{siteName}}</title>
    <link rel="stylesheet" href="{{root}}assets/casebook.css">
    <link rel="alternate" type="application/atom+xml" href="{{root}}overdue.atom" title="{{t.overdueFeed}}">
    </head>
    <body class="page-{{page}}">
    <a class="skip" href="#main">{{t.skipToContent}}</a>
    <header class="site">
    <p class="site-name">{{siteName}}</p>
    <nav>{{#nav}}<a href="{{root}}{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a> {{/nav}}</nav>
    </header>
    <main id="main">
    <h1>{{title}}</h1>

    """

    static let foot = """
    </main>
    <footer>
    <p>{{t.generatedAt}} {{generatedAt}} · {{t.timeZone}} {{timeZone}}</p>
    <p>{{t.feeds}}: <a href="{{root}}cases.csv">cases.csv</a> · <a href="{{root}}cases.json">cases.json</a> · <a href="{{root}}revisits.ics">revisits.ics</a> · <a href="{{root}}overdue.atom">overdue.atom</a></p>
    </footer>
    <script src="{{root}}assets/casebook.js"></script>
    </body>
    </html>

    """

    /// A horizontal bar chart of percentages: `bars` with label, value text and geometry.
    static let chart = """
    <figure>
    <svg class="chart" xmlns="http://www.w3.org/2000/svg" width="640" height="{{height}}" viewBox="0 0 640 {{height}}" role="img" aria-label="{{caption}}">
    {{#bars}}<text x="0" y="{{textY}}">{{label}}</text><rect class="track" x="170" y="{{y}}" width="400" height="18"/><rect class="bar" x="170" y="{{y}}" width="{{width}}" height="18"/><text x="578" y="{{textY}}">{{value}}</text>
    {{/bars}}</svg>
    <figcaption>{{caption}}</figcaption>
    </figure>
    """

    static let index = """
    {{> head}}
    {{#calendarWarning}}<p class="warning" role="alert" data-warning="calendar">{{calendarWarning}}</p>{{/calendarWarning}}
    {{#notifyProblems}}<p class="warning" role="alert" data-warning="notify">{{t.notifyProblem}}: {{line}}</p>{{/notifyProblems}}
    {{#hasUndelivered}}<h2>{{t.notifyUndelivered}}</h2>
    <table data-table="undelivered"><thead><tr><th>{{t.notifyChannel}}</th><th>{{t.notifyMessage}}</th><th>{{t.notifyAttempts}}</th><th>{{t.notifyAnswer}}</th></tr></thead>
    <tbody>{{#undelivered}}<tr><td>{{channel}}</td><td>{{subject}}</td><td>{{attempts}}</td><td>{{answer}}</td></tr>{{/undelivered}}</tbody></table>{{/hasUndelivered}}
    {{#signaturesRelaxed}}<p class="warning" role="alert" data-warning="signatures">{{signaturesRelaxed}}</p>{{/signaturesRelaxed}}
    <section class="today">
    <h2>{{t.needsAction}}</h2>
    <div class="figures">
    <div class="figure{{#hasOverdue}} late{{/hasOverdue}}"><b>{{overdueCount}}</b>{{t.overdueSteps}}</div>
    <div class="figure{{#hasDueSoon}} soon{{/hasDueSoon}}"><b>{{dueSoonCount}}</b>{{t.dueSoon}}</div>
    <div class="figure{{#hasRevisitsDue}} soon{{/hasRevisitsDue}}"><b>{{revisitsDueCount}}</b>{{t.revisitsDue}}</div>
    <div class="figure{{#hasUnsigned}} late{{/hasUnsigned}}" data-figure="unsigned" title="{{t.unsignedStepsNote}}"><b>{{unsignedCount}}</b>{{t.unsignedSteps}}</div>
    </div>
    <h3>{{t.overdueSteps}}</h3>
    {{^hasOverdue}}<p class="ok">{{t.none}}</p>{{/hasOverdue}}
    {{#hasOverdue}}<table class="overdue-steps"><thead><tr><th>{{t.id}}</th><th>{{t.kind}}</th><th>{{t.matter}}</th><th>{{t.step}}</th><th>{{t.dueSince}}</th><th>{{t.holder}}</th><th>{{t.shouldHold}}</th></tr></thead><tbody>
    {{#overdue}}<tr data-case="{{id}}"><td><a href="{{href}}">{{id}}</a></td><td>{{kind}}</td><td>{{summary}}</td><td class="late">{{step}}</td><td>{{due}}{{#provisional}} <abbr class="provisional" title="{{provisional}}">{{t.provisional}}</abbr>{{/provisional}}</td><td>{{holder}}</td><td{{#needsEscalation}} class="late"{{/needsEscalation}}>{{requiredLevel}}</td></tr>
    {{/overdue}}</tbody></table>{{/hasOverdue}}
    <h3>{{t.dueSoon}}</h3>
    {{^hasDueSoon}}<p>{{t.none}}</p>{{/hasDueSoon}}
    {{#hasDueSoon}}<table class="due-soon"><thead><tr><th>{{t.id}}</th><th>{{t.kind}}</th><th>{{t.matter}}</th><th>{{t.step}}</th><th>{{t.due}}</th><th>{{t.holder}}</th></tr></thead><tbody>
    {{#dueSoon}}<tr data-case="{{id}}"><td><a href="{{href}}">{{id}}</a></td><td>{{kind}}</td><td>{{summary}}</td><td class="soon">{{step}}</td><td>{{due}}{{#provisional}} <abbr class="provisional" title="{{provisional}}">{{t.provisional}}</abbr>{{/provisional}}</td><td>{{holder}}</td></tr>
    {{/dueSoon}}</tbody></table>{{/hasDueSoon}}
    <h3>{{t.revisitsDue}}</h3>
    {{^hasRevisitsDue}}<p>{{t.none}}</p>{{/hasRevisitsDue}}
    {{#hasRevisitsDue}}<table class="revisits-due"><thead><tr><th>{{t.id}}</th><th>{{t.kind}}</th><th>{{t.unit}}</th><th>{{t.due}}</th><th>{{t.who}}</th><th>{{t.modes}}</th></tr></thead><tbody>
    {{#revisitsDue}}<tr data-case="{{id}}"><td><a href="{{href}}">{{id}}</a></td><td>{{kind}}</td><td>{{unit}}</td><td class="{{#late}}late{{/late}}">{{due}}</td><td>{{who}}</td><td>{{modes}}</td></tr>
    {{/revisitsDue}}</tbody></table>{{/hasRevisitsDue}}
    {{#hasRegisterVisitsDue}}<h3>{{t.registerVisitsDue}}</h3>
    <table class="register-visits-due"><thead><tr><th>{{t.id}}</th><th>{{t.register}}</th><th>{{t.unit}}</th><th>{{t.resident}}</th><th>{{t.due}}</th><th>{{t.who}}</th></tr></thead><tbody>
    {{#registerVisitsDue}}<tr data-register="{{id}}"><td><a href="revisits.html">{{id}}</a></td><td>{{register}}</td><td>{{unit}}</td><td>{{resident}}</td><td class="{{#late}}late{{/late}}">{{due}}</td><td>{{who}}</td></tr>
    {{/registerVisitsDue}}</tbody></table>{{/hasRegisterVisitsDue}}
    </section>
    {{> contractsSummary}}
    <section class="month">
    <h2>{{t.thisMonth}} · {{month}}</h2>
    <div class="figures">
    <div class="figure"><b>{{openCount}}</b>{{t.openCount}}</div>
    <div class="figure"><b>{{receivedCount}}</b>{{t.received}}</div>
    <div class="figure"><b>{{onTimeRate}}</b>{{t.onTimeRate}}</div>
    <div class="figure"><b>{{revisitRate}}</b>{{t.revisitRate}}</div>
    <div class="figure"><b>{{satisfactionRate}}</b>{{t.satisfaction}}</div>
    </div>
    <p class="muted">{{t.onTimeFormula}}</p>
    {{#hasMonthKinds}}<table class="month-kinds"><thead><tr><th>{{t.kind}}</th><th class="num">{{t.cases}}</th><th class="num">{{t.onTimeRate}}</th><th class="num">{{t.revisitRate}}</th><th class="num">{{t.requiredRate}}</th><th class="num">{{t.satisfaction}}</th></tr></thead><tbody>
    {{#monthKinds}}<tr><td>{{label}}</td><td class="num">{{cases}}</td><td class="num">{{onTimeRate}}</td><td class="num{{#belowRequired}} late{{/belowRequired}}">{{revisitRate}}</td><td class="num">{{requiredRate}}</td><td class="num">{{satisfactionRate}}</td></tr>
    {{/monthKinds}}</tbody></table>{{/hasMonthKinds}}
    {{#monthReport}}<p><a href="{{href}}">{{t.fullReport}} {{month}}</a></p>{{/monthReport}}
    </section>
    <section class="counts">
    <h2>{{t.openByKind}}</h2>
    <div class="columns">
    <div><table class="by-kind"><thead><tr><th>{{t.kind}}</th><th class="num">{{t.count}}</th></tr></thead><tbody>{{#byKind}}<tr><td>{{label}}</td><td class="num">{{count}}</td></tr>{{/byKind}}</tbody></table></div>
    <div><table class="by-department"><thead><tr><th>{{t.openByDepartment}}</th><th class="num">{{t.count}}</th></tr></thead><tbody>{{#byDepartment}}<tr><td>{{label}}</td><td class="num">{{count}}</td></tr>{{/byDepartment}}</tbody></table></div>
    <div><table class="by-level"><thead><tr><th>{{t.openByLevel}}</th><th class="num">{{t.count}}</th></tr></thead><tbody>{{#byLevel}}<tr><td>{{label}}</td><td class="num">{{count}}</td></tr>{{/byLevel}}</tbody></table></div>
    </div>
    </section>
    <section class="reports">
    <h2>{{t.monthlyReports}}</h2>
    {{^reports}}<p>{{t.noCases}}</p>{{/reports}}
    <ul>{{#reports}}<li><a href="{{href}}">{{month}}</a></li>{{/reports}}</ul>
    </section>
    {{> foot}}
    """

    static let open = """
    {{> head}}
    <p class="muted no-print">{{t.sortHint}}</p>
    {{^hasOpen}}<p>{{t.none}}</p>{{/hasOpen}}
    {{#hasOpen}}
    <table class="cases" id="open-cases" data-filterable="kind severity department level holder" data-search="unit" data-labels="{{labels}}" data-all="{{t.all}}" data-shown="{{t.shown}}" data-of="{{t.of}}" data-reset="{{t.reset}}" data-search-label="{{t.filterUnit}}">
    <thead><tr><th>{{t.id}}</th><th>{{t.kind}}</th><th>{{t.severity}}</th><th>{{t.status}}</th><th>{{t.department}}</th><th>{{t.level}}</th><th>{{t.holder}}</th><th>{{t.unit}}</th><th>{{t.reporter}}</th><th>{{t.matter}}</th><th>{{t.receivedAt}}</th><th>{{t.nextDue}}</th><th>{{t.overdueSteps}}</th></tr></thead>
    <tbody>
    {{#open}}<tr data-case="{{id}}" data-kind="{{kindKey}}" data-severity="{{severityKey}}" data-department="{{departmentKey}}" data-level="{{levelKey}}" data-holder="{{holderKey}}" data-unit="{{unit}}"{{#late}} class="late-row"{{/late}}><td data-sort="{{id}}"><a href="{{href}}">{{id}}</a></td><td>{{kind}}</td><td>{{grade}}</td><td>{{status}}</td><td>{{department}}</td><td>{{level}}</td><td>{{holder}}</td><td>{{unit}}</td><td>{{reporter}} {{phone}}</td><td>{{summary}}</td><td data-sort="{{receivedSort}}">{{received}}</td><td data-sort="{{nextDueSort}}">{{nextDue}}</td><td class="late">{{overdueSteps}}</td></tr>
    {{/open}}
    </tbody>
    </table>
    {{/hasOpen}}
    {{> foot}}
    """

    static let overdue = """
    {{> head}}
    <p class="muted">{{t.overdueIntro}}</p>
    {{^hasEntries}}<p class="ok">{{t.noOverdue}}</p>{{/hasEntries}}
    {{#hasEntries}}
    <table class="overdue">
    <thead><tr><th>{{t.id}}</th><th>{{t.kind}}</th><th>{{t.matter}}</th><th>{{t.step}}</th><th>{{t.clause}}</th><th>{{t.dueSince}}</th><th>{{t.lateBy}}</th><th>{{t.holder}}</th><th>{{t.shouldHold}}</th></tr></thead>
    <tbody>
    {{#entries}}<tr data-case="{{id}}" data-step="{{stepKey}}" data-required="{{requiredKey}}"><td><a href="{{href}}">{{id}}</a></td><td>{{kind}}</td><td>{{summary}}</td><td class="late">{{step}}</td><td>{{clause}}</td><td>{{due}}</td><td>{{lateBy}}</td><td>{{holder}} ({{level}})</td><td{{#needsEscalation}} class="late"{{/needsEscalation}}>{{requiredLevel}}{{#candidates}} · {{candidates}}{{/candidates}}{{#needsEscalation}} — {{t.needsEscalation}}{{/needsEscalation}}{{#requiredClause}} <span class="muted">({{requiredClause}})</span>{{/requiredClause}}</td></tr>
    {{/entries}}
    </tbody>
    </table>
    {{/hasEntries}}
    <h2>{{t.oversightMissing}}</h2>
    {{^hasMissing}}<p class="ok">{{t.noOversightMissing}}</p>{{/hasMissing}}
    {{#hasMissing}}
    <table class="oversight">
    <thead><tr><th>{{t.oversightWhat}}</th><th>{{t.period}}</th><th class="num">{{t.casesCovered}}</th><th>{{t.dueSince}}</th><th>{{t.lateBy}}</th><th>{{t.signers}}</th><th>{{t.clause}}</th></tr></thead>
    <tbody>
    {{#missing}}<tr data-oversight="{{key}}" data-period="{{period}}"><td class="late">{{what}}</td><td>{{period}}</td><td class="num">{{cases}}</td><td>{{due}}</td><td>{{lateBy}}</td><td>{{who}}</td><td>{{clause}}</td></tr>
    {{/missing}}
    </tbody>
    </table>
    {{/hasMissing}}
    {{> foot}}
    """

    static let revisitRow = """
    <tr data-case="{{id}}" data-due="{{dueISO}}"><td><a href="{{href}}">{{id}}</a></td><td>{{kind}}</td><td>{{unit}}</td><td>{{reporter}}</td><td class="{{#late}}late{{/late}}">{{due}}</td><td>{{who}}</td><td>{{modes}}</td><td>{{source}}</td><td>{{clause}}</td></tr>
    """

    static let revisitHead = """
    <thead><tr><th>{{t.id}}</th><th>{{t.kind}}</th><th>{{t.unit}}</th><th>{{t.reporter}}</th><th>{{t.due}}</th><th>{{t.who}}</th><th>{{t.modes}}</th><th>{{t.source}}</th><th>{{t.clause}}</th></tr></thead>
    """

    static let revisits = """
    {{> head}}
    <section class="late-revisits">
    <h2>{{t.lateRevisits}}</h2>
    {{^lateItems}}<p class="ok">{{t.none}}</p>{{/lateItems}}
    {{#hasLate}}<table class="revisits late">\(revisitHead)<tbody>
    {{#lateItems}}\(revisitRow)
    {{/lateItems}}</tbody></table>{{/hasLate}}
    </section>
    <section class="days">
    <h2>{{t.next14Days}}</h2>
    {{#days}}<h3 id="day-{{day}}">{{day}} {{weekday}}{{#isToday}} ({{t.today}}){{/isToday}}</h3>
    {{^hasItems}}<p class="muted">{{t.noRevisits}}</p>{{/hasItems}}
    {{#hasItems}}<table class="revisits day" data-day="{{day}}">\(revisitHead)<tbody>
    {{#items}}\(revisitRow)
    {{/items}}</tbody></table>{{/hasItems}}
    {{/days}}
    {{#hasLater}}<h3>{{t.later}}</h3><table class="revisits later">\(revisitHead)<tbody>
    {{#later}}\(revisitRow)
    {{/later}}</tbody></table>{{/hasLater}}
    </section>
    <section class="register-visits">
    <h2>{{t.registerVisits}}</h2>
    {{^hasRegisterVisits}}<p class="muted">{{t.none}}</p>{{/hasRegisterVisits}}
    {{#hasRegisterVisits}}<table class="register-visits"><thead><tr><th>{{t.register}}</th><th>{{t.id}}</th><th>{{t.unit}}</th><th>{{t.resident}}</th><th>{{t.emergencyContacts}}</th><th>{{t.lastVisit}}</th><th>{{t.due}}</th><th>{{t.visitEvery}}</th><th>{{t.who}}</th><th>{{t.modes}}</th><th>{{t.clause}}</th></tr></thead><tbody>
    {{#registerVisits}}<tr data-register="{{id}}" data-due="{{dueISO}}"><td>{{register}}</td><td>{{id}}</td><td>{{unit}}</td><td>{{resident}}</td><td>{{contacts}}</td><td>{{last}}</td><td class="{{#late}}late{{/late}}">{{due}}</td><td>{{every}}</td><td>{{who}}</td><td>{{modes}}</td><td>{{clause}}</td></tr>
    {{/registerVisits}}</tbody></table>{{/hasRegisterVisits}}
    </section>
    <section class="samples">
    <h2>{{t.sampleTitle}}</h2>
    {{^samples}}<p>{{t.noSample}}</p>{{/samples}}
    {{#samples}}
    <h3>{{t.sampleOf}} {{month}}</h3>
    <p class="muted">{{t.population}} {{populationCount}} · {{t.selected}} {{selectedCount}} · {{clause}} · {{t.seed}} <code>{{seedShort}}</code></p>
    <table class="sample"><thead><tr><th>{{t.id}}</th><th>{{t.kind}}</th><th>{{t.due}}</th><th>{{t.mode}}</th><th>{{t.standing}}</th></tr></thead><tbody>
    {{#picks}}<tr data-case="{{id}}"><td>{{#href}}<a href="{{href}}">{{id}}</a>{{/href}}{{^href}}{{id}}{{/href}}</td><td>{{kind}}</td><td>{{due}}</td><td>{{mode}}</td><td>{{standing}}</td></tr>
    {{/picks}}</tbody></table>
    <h3>{{t.spotChecks}} {{month}}</h3>
    <table class="spot-checks"><thead><tr><th>{{t.source}}</th><th>{{t.checker}}</th><th>{{t.clause}}</th><th class="num">{{t.population}}</th><th>{{t.selected}}</th></tr></thead><tbody>
    {{#spotChecks}}<tr data-draw="{{name}}"><td>{{name}}</td><td>{{checker}}</td><td>{{clause}}</td><td class="num">{{populationCount}}</td><td>{{#selected}}<a href="{{href}}">{{id}}</a> {{/selected}}{{^selected}}—{{/selected}}</td></tr>
    {{/spotChecks}}</tbody></table>
    {{/samples}}
    </section>
    {{> foot}}
    """

    static let casePage = """
    {{> head}}
    <div class="screen-only">
    <p><span class="badge">{{status}}</span> <span class="badge">{{level}}</span>{{#late}} <span class="badge late">{{t.overdueNow}}</span>{{/late}} <a class="no-print" href="#" onclick="window.print();return false;">{{t.printForm}}</a></p>
    <h2>{{t.intake}}</h2>
    <dl class="fields">
    <dt>{{t.id}}</dt><dd>{{id}}</dd>
    <dt>{{t.kind}}</dt><dd>{{kind}}{{#validity}} · {{validity}}{{/validity}}</dd>
    <dt>{{t.receivedAt}}</dt><dd>{{received}}</dd>
    <dt>{{t.channel}}</dt><dd>{{channel}}</dd>
    <dt>{{t.unit}}</dt><dd>{{unit}}</dd>
    <dt>{{t.reporter}}</dt><dd>{{reporter}} {{phone}}</dd>
    <dt>{{t.matter}}</dt><dd>{{summary}}</dd>
    {{#details}}<dt>{{t.details}}</dt><dd>{{details}}</dd>{{/details}}
    <dt>{{t.firstResponder}}</dt><dd>{{firstResponder}}</dd>
    <dt>{{t.department}}</dt><dd>{{department}}</dd>
    <dt>{{t.holder}}</dt><dd>{{holder}} ({{level}})</dd>
    {{#resolution}}<dt>{{t.resolution}}</dt><dd>{{resolution}}</dd>{{/resolution}}
    {{#referral}}<dt>{{t.referral}}</dt><dd>{{referral}}</dd>{{/referral}}
    {{#unresolvableReason}}<dt>{{t.unresolvableReason}}</dt><dd>{{unresolvableReason}}</dd>{{/unresolvableReason}}
    {{#special}}<dt>{{label}}</dt><dd>{{value}}</dd>
    {{/special}}
    </dl>
    <h2>{{t.deadlines}}</h2>
    {{^deadlines}}<p>{{t.noDeadlines}}</p>{{/deadlines}}
    {{#hasDeadlines}}<table class="deadlines"><thead><tr><th>{{t.step}}</th><th>{{t.due}}</th><th>{{t.standing}}</th><th>{{t.clause}}</th></tr></thead><tbody>
    {{#deadlines}}<tr data-step="{{stepKey}}" data-standing="{{standingKey}}"><td>{{step}}</td><td>{{due}}{{#provisional}} <abbr class="provisional" title="{{provisional}}">{{t.provisional}}</abbr>{{/provisional}}</td><td class="{{standingClass}}">{{standing}}</td><td>{{clause}}</td></tr>
    {{/deadlines}}</tbody></table>{{/hasDeadlines}}
    <h2>{{t.revisitPlan}}</h2>
    {{^plans}}<p>{{t.none}}</p>{{/plans}}
    {{#hasPlans}}<table class="plans"><thead><tr><th>{{t.due}}</th><th>{{t.who}}</th><th>{{t.modes}}</th><th>{{t.standing}}</th><th>{{t.clause}}</th></tr></thead><tbody>
    {{#plans}}<tr><td>{{due}}{{#provisional}} <abbr class="provisional" title="{{provisional}}">{{t.provisional}}</abbr>{{/provisional}}</td><td>{{who}}</td><td>{{modes}}</td><td class="{{standingClass}}">{{standing}}</td><td>{{clause}}</td></tr>
    {{/plans}}</tbody></table>{{/hasPlans}}
    <h2>{{t.revisitRecords}}</h2>
    {{^revisitRecords}}<p>{{t.noRevisitRecords}}</p>{{/revisitRecords}}
    {{#hasRevisitRecords}}<table class="revisit-records"><thead><tr><th>{{t.time}}</th><th>{{t.by}}</th><th>{{t.mode}}</th><th>{{t.satisfaction}}</th><th>{{t.notes}}</th></tr></thead><tbody>
    {{#revisitRecords}}<tr><td>{{at}}</td><td>{{by}}</td><td>{{mode}}</td><td class="{{#satisfied}}ok{{/satisfied}}{{^satisfied}}late{{/satisfied}}">{{verdict}}</td><td>{{notes}}</td></tr>
    {{/revisitRecords}}</tbody></table>{{/hasRevisitRecords}}
    <h2>{{t.timeline}}</h2>
    <table class="timeline"><thead><tr><th>{{t.time}}</th><th>{{t.by}}</th><th>{{t.action}}</th><th>{{t.detail}}</th><th>{{t.commit}}</th><th>{{t.author}}</th><th>{{t.signature}}</th></tr></thead><tbody>
    {{#events}}<tr data-action="{{actionKey}}" data-commit="{{commit}}" data-signature="{{signatureKey}}"{{#lateEntry}} data-late-entry="true"{{/lateEntry}}><td>{{at}}</td><td>{{by}}</td><td>{{action}}</td><td>{{detail}}{{#lateEntry}} <span class="badge late-entry">{{lateEntry}}</span>{{/lateEntry}}</td><td><code title="{{commit}}">{{commitShort}}</code></td><td>{{author}}</td><td><span class="badge {{signatureKey}}"{{#signatureReason}} title="{{signatureReason}}"{{/signatureReason}}>{{signature}}</span>{{#signatureReason}} <small class="muted" data-signature-reason>{{signatureReason}}</small>{{/signatureReason}}</td></tr>
    {{/events}}</tbody></table>
    </div>
    <section class="form print-only" aria-hidden="true">
    <p class="form-title">{{formTitle}}</p>
    <p class="form-meta"><span>{{siteName}}</span><span>{{t.formNumber}}{{t.colon}}{{id}}</span></p>
    <table class="form">
    <tr><th>{{t.formNumber}}</th><td>{{id}}</td><th>{{t.receivedAt}}</th><td>{{received}}</td></tr>
    <tr><th>{{t.channel}}</th><td>{{channel}}</td><th>{{t.unit}}</th><td>{{unit}}</td></tr>
    <tr><th>{{t.reporter}}</th><td>{{reporter}} {{phone}}</td><th>{{t.kind}}</th><td>{{kind}}</td></tr>
    <tr><th>{{t.matter}}</th><td colspan="3" class="tall">{{summary}}{{#details}}<br>{{details}}{{/details}}</td></tr>
    <tr><th>{{t.formProcess}}</th><td colspan="3" class="tall">{{#process}}{{at}} {{by}} {{action}} {{detail}}{{#lateEntry}} （{{lateEntry}}）{{/lateEntry}}<br>{{/process}}</td></tr>
    <tr><th>{{t.formResult}}</th><td colspan="3" class="tall">{{resolution}}{{referral}}{{unresolvableReason}}</td></tr>
    <tr><th>{{t.formRevisitRecord}}</th><td colspan="3" class="tall">{{#revisitRecords}}{{at}} {{by}} {{mode}} {{verdict}} {{notes}}{{#lateEntry}} （{{lateEntry}}）{{/lateEntry}}<br>{{/revisitRecords}}</td></tr>
    <tr><th rowspan="2">{{t.formSignatures}}</th><td class="sign">{{t.formReceiver}}{{t.colon}}{{firstResponder}}</td><td class="sign">{{t.formHandler}}{{t.colon}}</td><td class="sign">{{t.formSupervisor}}{{t.colon}}</td></tr>
    <tr><td class="sign">{{t.formOwner}}{{t.colon}}</td><td class="sign" colspan="2">{{t.formDate}}{{t.colon}}</td></tr>
    </table>
    </section>
    {{#hasRevisitForm}}
    <section class="form print-only" aria-hidden="true">
    <p class="form-title">{{revisitFormTitle}}</p>
    <p class="form-meta"><span>{{siteName}}</span><span>{{t.formNumber}}{{t.colon}}{{id}}</span></p>
    <table class="form">
    <tr><th>{{t.formNumber}}</th><td>{{id}}</td><th>{{t.unit}}</th><td>{{unit}}</td></tr>
    <tr><th>{{t.reporter}}</th><td>{{reporter}} {{phone}}</td><th>{{t.matter}}</th><td>{{summary}}</td></tr>
    <tr><th>{{t.formResult}}</th><td colspan="3">{{resolution}}</td></tr>
    {{#revisitForms}}
    <tr><th>{{t.formRevisitTime}}</th><td>{{at}}</td><th>{{t.formRevisitMode}}</th><td>{{mode}}</td></tr>
    <tr><th>{{t.formRevisitor}}</th><td>{{by}}</td><th>{{t.satisfaction}}</th><td>{{verdict}}</td></tr>
    <tr><th>{{t.formRevisitContent}}</th><td colspan="3" class="tall">{{notes}}{{#lateEntry}}<br>{{lateEntry}}{{/lateEntry}}</td></tr>
    {{/revisitForms}}
    <tr><th>{{t.formOpinion}}</th><td colspan="3" class="sign"></td></tr>
    <tr><th>{{t.formSignatures}}</th><td class="sign">{{t.formRevisitor}}{{t.colon}}</td><td class="sign">{{t.formOwner}}{{t.colon}}</td><td class="sign">{{t.formDate}}{{t.colon}}</td></tr>
    </table>
    </section>
    {{/hasRevisitForm}}
    {{> foot}}
    """

    static let reportRows = """
    <td class="num">{{cases}}</td><td class="num">{{onTime}}</td><td class="num">{{onTimeRate}}</td><td class="num">{{resolved}}</td><td class="num">{{revisited}}</td><td class="num{{#belowRequired}} late{{/belowRequired}}">{{revisitRate}}</td><td class="num">{{requiredRate}}</td><td class="num">{{revisits}}</td><td class="num">{{satisfied}}</td><td class="num">{{satisfactionRate}}</td>
    """

    static let reportHead = """
    <th class="num">{{t.cases}}</th><th class="num">{{t.onTime}}</th><th class="num">{{t.onTimeRate}}</th><th class="num">{{t.resolved}}</th><th class="num">{{t.revisited}}</th><th class="num">{{t.revisitRate}}</th><th class="num">{{t.requiredRate}}</th><th class="num">{{t.revisitCount}}</th><th class="num">{{t.satisfiedCount}}</th><th class="num">{{t.satisfaction}}</th>
    """

    static let report = """
    {{> head}}
    <div class="report">
    <p class="muted">{{t.reportIntro}} {{t.asOf}} {{asOf}}.</p>
    <div class="figures">
    <div class="figure"><b>{{total.cases}}</b>{{t.cases}}</div>
    <div class="figure"><b>{{total.onTimeRate}}</b>{{t.onTimeRate}}</div>
    <div class="figure" data-figure="on-time-recorded"><b>{{total.onTimeRateRecorded}}</b>{{t.onTimeRateRecorded}}</div>
    <div class="figure"><b>{{total.revisitRate}}</b>{{t.revisitRate}}</div>
    <div class="figure"><b>{{total.satisfactionRate}}</b>{{t.satisfaction}}</div>
    </div>
    <p class="muted">{{t.onTimeFormula}}</p>
    <section><h2>{{t.lateEntries}}</h2>
    <p class="muted">{{t.lateEntriesIntro}}</p>
    <table class="late-rates"><tbody>
    <tr data-rate="stated"><th>{{t.onTimeRateStated}}</th><td class="num">{{total.onTimeRate}}</td></tr>
    <tr data-rate="recorded"><th>{{t.onTimeRateRecorded}}</th><td class="num">{{total.onTimeRateRecorded}}</td></tr>
    </tbody></table>
    {{^lateEntries}}<p>{{t.noLateEntries}}</p>{{/lateEntries}}
    {{#hasLateEntries}}<table class="late-entries"><thead><tr><th>{{t.person}}</th><th class="num">{{t.lateEntries}}</th></tr></thead><tbody>
    {{#lateEntries}}<tr data-person="{{id}}"><td>{{name}}</td><td class="num">{{count}}</td></tr>
    {{/lateEntries}}</tbody></table>{{/hasLateEntries}}
    </section>
    <section><h2>{{t.unsignedSteps}}</h2>
    <p class="muted">{{t.unsignedStepsNote}}</p>
    {{^hasUnsignedSteps}}<p>{{t.none}}</p>{{/hasUnsignedSteps}}
    {{#hasUnsignedSteps}}<table class="unsigned-steps"><thead><tr><th>{{t.person}}</th><th class="num">{{t.unsignedSteps}}</th></tr></thead><tbody>
    {{#unsignedSteps}}<tr data-person="{{id}}"><td>{{name}}</td><td class="num">{{count}}</td></tr>
    {{/unsignedSteps}}</tbody></table>{{/hasUnsignedSteps}}
    </section>
    <section><h2>{{t.byKind}}</h2>
    <table class="by-kind"><thead><tr><th>{{t.kind}}</th>\(reportHead)</tr></thead><tbody>
    {{#byKind}}<tr data-key="{{key}}"><td>{{label}}</td>\(reportRows)</tr>
    {{/byKind}}{{#total}}<tr data-key="all"><th>{{t.total}}</th>\(reportRows)</tr>{{/total}}</tbody></table>
    {{#kindChart}}{{> chart}}{{/kindChart}}
    </section>
    <section><h2>{{t.byDepartment}}</h2>
    <table class="by-department"><thead><tr><th>{{t.department}}</th>\(reportHead)</tr></thead><tbody>
    {{#byDepartment}}<tr data-key="{{key}}"><td>{{label}}</td>\(reportRows)</tr>
    {{/byDepartment}}</tbody></table>
    {{#departmentChart}}{{> chart}}{{/departmentChart}}
    </section>
    <section><h2>{{t.complaintsBySeverity}}</h2>
    {{^bySeverity}}<p>{{t.noCases}}</p>{{/bySeverity}}
    {{#hasSeverity}}<table class="by-severity"><thead><tr><th>{{t.severity}}</th>\(reportHead)</tr></thead><tbody>
    {{#bySeverity}}<tr data-key="{{key}}"><td>{{label}}</td>\(reportRows)</tr>
    {{/bySeverity}}</tbody></table>{{/hasSeverity}}
    </section>
    {{#sampled}}<section><h2>{{t.sampledRevisits}}</h2>
    <p class="muted">{{t.sampledIntro}} {{clause}}</p>
    <table class="sampled"><thead><tr><th class="num">{{t.sampledFinished}}</th><th class="num">{{t.sampledDrawn}}</th><th class="num">{{t.selected}}</th><th class="num">{{t.sampledRate}}</th><th class="num">{{t.sampledRequired}}</th><th class="num">{{t.sampledRevisited}}</th><th class="num">{{t.sampledInsideWindow}}</th></tr></thead><tbody>
    <tr><td class="num">{{finished}}</td><td class="num">{{drawn}}</td><td class="num">{{selected}}</td><td class="num">{{rate}}</td><td class="num">{{required}}</td><td class="num">{{revisited}}</td><td class="num">{{insideWindow}}</td></tr>
    </tbody></table></section>{{/sampled}}
    {{#sample}}<section><h2>{{t.spotChecks}}</h2>
    <table class="spot-checks"><thead><tr><th>{{t.source}}</th><th>{{t.checker}}</th><th>{{t.clause}}</th><th class="num">{{t.population}}</th><th>{{t.selected}}</th></tr></thead><tbody>
    {{#spotChecks}}<tr data-draw="{{name}}"><td>{{name}}</td><td>{{checker}}</td><td>{{clause}}</td><td class="num">{{populationCount}}</td><td>{{#selected}}<a href="{{href}}">{{id}}</a> {{/selected}}{{^selected}}—{{/selected}}</td></tr>
    {{/spotChecks}}</tbody></table></section>{{/sample}}
    {{#analysis}}{{> analysis}}{{/analysis}}
    </div>
    {{> foot}}
    """
}
