"""Pure joint-operation model: plan, teams, targets, launch, live state, report."""
from services.operations.domain.lifecycle import (
    cancel_operation, complete_operation, launch_operation, plan_operation)
from services.operations.domain.live import on_qualification_lost, progress, record_inspection
from services.operations.domain.model import (
    AGENCIES, DOMAINS, MIN_QUALIFIED, Alert, JointOperation, Member, Task, Team)
from services.operations.domain.report import joint_report
from services.operations.domain.report_html import render_report_html
from services.operations.domain.targets import (
    Target, add_targets, split_targets, targets_from_draw)
from services.operations.domain.teams import assign_officer, move_officer, remove_officer
