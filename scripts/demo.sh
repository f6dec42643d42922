#!/usr/bin/env bash
# Builds a small demo case repository through the real casebook commands: a roster, and cases at
# every stage of their life, some on time and some late. Usage: scripts/demo.sh BIN DIR
set -euo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$2
at() { export CASEBOOK_NOW="$1"; }
open_case() { "$bin" open --repo "$dir" "$@"; }

at 2026-11-02T08:30:00+08:00
"$bin" init "$dir" --site "翠湖花园物业服务中心" --desk A01 >/dev/null
cb() { "$bin" "$1" --repo "$dir" "${@:2}" >/dev/null; }
"$bin" staff add --repo "$dir" zhou.jl --name 周建林 --email zhou.jl@cuihu.example --role manager >/dev/null
for s in "li.na 李娜 receptionist customer-service" "sun.li 孙丽 receptionist customer-service" \
         "chen.jie 陈洁 cs-assistant customer-service" "wang.zg 王志刚 supervisor customer-service" \
         "he.zr 何主任 director customer-service" "zhao.gong 赵工 engineer engineering" \
         "liu.gong 刘工 engineer engineering" "ma.bz 马班长 department-head security" \
         "qian.bz 钱班长 department-head environment"; do
  set -- $s
  "$bin" staff add --repo "$dir" "$1" --name "$2" --email "$1@cuihu.example" --role "$3" --department "$4" --as zhou.jl >/dev/null
done

# 1. Important complaint, handled on time, revisited, closed.
at 2026-11-03T09:10:00+08:00
c=$(open_case --as li.na --kind complaint --severity important --channel phone --unit 3-2-1801 --reporter 王女士 --phone 13812345678 --summary 楼道灯不亮 --details "3号楼2单元18楼楼道灯连续三晚不亮")
at 2026-11-03T09:40:00+08:00; cb escalate "$c" --to supervisor --reason "重要投诉1小时内报告客服主管" --as li.na --assignee wang.zg
at 2026-11-03T09:50:00+08:00; cb dispatch "$c" --department engineering --assignee zhao.gong --as wang.zg
at 2026-11-03T15:20:00+08:00; cb resolve "$c" --result "更换声控开关及灯具" --customer-confirmed --rating 5 --as zhao.gong
at 2026-11-05T10:00:00+08:00; cb revisit "$c" --mode home --satisfied --notes "业主表示满意" --as he.zr
at 2026-11-05T10:30:00+08:00; cb close "$c" --as chen.jie

# 2. Small repair, done in time, closed without revisit (sampled at 10 %).
at 2026-11-06T14:05:00+08:00
c=$(open_case --as sun.li --kind repair --repair-size small --channel walk-in --unit 5-1-302 --reporter 陈先生 --phone 13987654321 --summary 厨房水龙头漏水)
at 2026-11-06T14:15:00+08:00; cb dispatch "$c" --department engineering --assignee liu.gong --as sun.li
at 2026-11-06T16:40:00+08:00; cb resolve "$c" --result "更换水龙头阀芯" --customer-confirmed --rating 4 --as liu.gong
at 2026-11-06T17:00:00+08:00; cb close "$c" --as chen.jie

# 3. Minor complaint, unsatisfied at revisit, handled again.
at 2026-11-09T10:20:00+08:00
c=$(open_case --as li.na --kind complaint --severity minor --channel online --unit 2-3-601 --reporter 刘阿姨 --phone 13700001111 --summary 垃圾桶未及时清运)
at 2026-11-09T10:30:00+08:00; cb dispatch "$c" --department environment --assignee qian.bz --as li.na
at 2026-11-10T09:00:00+08:00; cb resolve "$c" --result "已清运并增加清运频次" --as qian.bz
at 2026-11-11T15:00:00+08:00; cb revisit "$c" --mode home --unsatisfied --notes "业主反映晚间仍有堆放" --as qian.bz
at 2026-11-11T15:10:00+08:00; cb note "$c" "环境部调整晚间清运班次" --owner-informed --as chen.jie

# 4. Medium repair, late: not resolved within 3 days, escalated.
at 2026-11-12T11:00:00+08:00
c=$(open_case --as sun.li --kind repair --repair-size medium --channel phone --unit 7-2-1102 --reporter 赵先生 --phone 13611112222 --summary 卫生间顶棚渗水)
at 2026-11-12T11:20:00+08:00; cb dispatch "$c" --department engineering --assignee zhao.gong --as sun.li
at 2026-11-14T16:00:00+08:00; cb escalate "$c" --to supervisor --reason "2天未处理完毕" --as sun.li --assignee wang.zg
at 2026-11-19T16:00:00+08:00; cb escalate "$c" --to manager --reason "1周未处理完毕，需楼上业主配合" --as wang.zg --assignee zhou.jl

# 5. Noise from a building site: referred to the government department.
at 2026-11-16T20:10:00+08:00
c=$(open_case --as li.na --kind complaint --severity minor --channel phone --unit 1-1-201 --reporter 孙女士 --phone 13522223333 --summary 小区外工地夜间施工噪音)
at 2026-11-17T09:00:00+08:00; cb refer "$c" --to "区城市管理局" --as li.na
at 2026-11-17T09:10:00+08:00; cb note "$c" "已告知业主转交区城市管理局处理" --owner-informed --as li.na

# 6. Major complaint, open and overdue.
at 2026-11-18T08:45:00+08:00
c=$(open_case --as li.na --kind complaint --severity major --channel walk-in --unit 9-1-2301 --reporter 钱先生 --phone 13933334444 --summary 电梯多次困人仍未彻底维修 --details "业主多次反映9号楼1单元电梯故障")
at 2026-11-18T09:00:00+08:00; cb dispatch "$c" --department engineering --assignee zhao.gong --as li.na

# 7. A written inquiry, open and due.
at 2026-11-20T10:00:00+08:00
open_case --as sun.li --kind inquiry --channel letter --unit 4-2-502 --reporter 周女士 --summary 咨询车位租赁续约办法 >/dev/null

# 8. Help request, open.
at 2026-11-20T14:30:00+08:00
c=$(open_case --as sun.li --kind help --channel phone --unit 6-1-101 --reporter 吴大爷 --phone 13855556666 --summary 独居老人需协助搬运家具)
at 2026-11-20T14:40:00+08:00; cb dispatch "$c" --department security --assignee ma.bz --as sun.li
# The time-driven steps up to the demo's "now": ladder escalations and breached deadlines.
at 2026-11-20T17:00:00+08:00
"$bin" sweep --repo "$dir" >/dev/null 2>&1
echo "demo repository: $dir ($(git -C "$dir" rev-list --count HEAD) commits)"
