/// The dashboard's templates (Mustache: `{{ }}` escapes HTML, which is the point).
enum Templates {
    static let layout = """
    <!DOCTYPE html>
    <html lang="zh-Hans">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} · {{siteName}}</title>
    <style>
    body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:1.5rem;color:#222}
    table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
    th{background:#f4f4f4}.late{color:#b00020;font-weight:600}.figures{display:flex;gap:1.5rem;flex-wrap:wrap}
    .figure{border:1px solid #ddd;padding:.6rem 1rem;border-radius:4px}.figure b{display:block;font-size:1.6rem}
    nav a{margin-right:1rem}@media print{nav{display:none}}
    </style>
    </head>
    <body>
    <nav><a href="{{root}}index.html">总览 Overview</a></nav>
    <h1>{{siteName}}</h1>
    <p>生成时间 Generated {{generatedAt}}</p>
    """

    static let index = """
    {{> layout}}
    <h2>需处理 Needs action</h2>
    <div class="figures">
    <div class="figure"><b>{{openCount}}</b>未结案件 open cases</div>
    <div class="figure"><b class="{{#overdueCount}}late{{/overdueCount}}">{{overdueCount}}</b>已超时 overdue</div>
    <div class="figure"><b>{{totalCount}}</b>全部案件 all cases</div>
    </div>
    <h2>未结案件 Open cases</h2>
    {{^hasOpen}}<p>没有未结案件。No open cases.</p>{{/hasOpen}}
    {{#hasOpen}}
    <table>
    <thead><tr><th>编号 Id</th><th>类别 Kind</th><th>状态 Status</th><th>层级 Level</th><th>处理人 Holder</th><th>房号 Unit</th><th>反映人 Reporter</th><th>事由 Matter</th><th>超时 Overdue</th></tr></thead>
    <tbody>
    {{#open}}
    <tr><td><a href="cases/{{id}}.html">{{id}}</a></td><td>{{kind}}</td><td>{{status}}</td><td>{{level}}</td><td>{{holder}}</td><td>{{unit}}</td><td>{{reporter}} {{phone}}</td><td>{{summary}}</td><td class="late">{{overdue}}</td></tr>
    {{/open}}
    </tbody>
    </table>
    {{/hasOpen}}
    </body>
    </html>
    """

    static let casePage = """
    {{> layout}}
    <h2>{{id}} · {{kind}} · {{status}}</h2>
    <table>
    <tr><th>受理时间 Received</th><td>{{receivedAt}}</td></tr>
    <tr><th>诉求方式 Channel</th><td>{{channel}}</td></tr>
    <tr><th>房号 Unit</th><td>{{unit}}</td></tr>
    <tr><th>反映人 Reporter</th><td>{{reporter}} {{phone}}</td></tr>
    <tr><th>事由 Matter</th><td>{{summary}}</td></tr>
    <tr><th>首问责任人 First responsible</th><td>{{firstResponder}}</td></tr>
    <tr><th>处理人 Holder</th><td>{{holder}} ({{level}})</td></tr>
    </table>
    <h3>时限 Deadlines</h3>
    <table><thead><tr><th>步骤 Step</th><th>期限 Due</th><th>情况 Standing</th><th>依据 Clause</th></tr></thead><tbody>
    {{#deadlines}}<tr><td>{{step}}</td><td>{{due}}</td><td class="{{#late}}late{{/late}}">{{standing}}</td><td>{{clause}}</td></tr>{{/deadlines}}
    </tbody></table>
    <h3>处理过程 Events</h3>
    <table><thead><tr><th>时间 Time</th><th>人员 By</th><th>动作 Action</th><th>内容 Detail</th></tr></thead><tbody>
    {{#events}}<tr><td>{{at}}</td><td>{{by}}</td><td>{{action}}</td><td>{{detail}}</td></tr>{{/events}}
    </tbody></table>
    </body>
    </html>
    """
}
