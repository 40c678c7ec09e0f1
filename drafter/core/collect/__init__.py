"""数据征集: each department gets a workbook of the figures it answers for, and its answers come back safely."""

from drafter.core.collect.departments import DRAFTING_OFFICE, apply_department, departments, fields_by_department
from drafter.core.collect.incoming import WorkbookAnswers, read_workbook
from drafter.core.collect.merge import CollectionPlan, apply_plan, plan_collection
from drafter.core.collect.outgoing import write_workbooks

__all__ = ["DRAFTING_OFFICE", "CollectionPlan", "WorkbookAnswers", "apply_department", "apply_plan", "departments",
           "fields_by_department", "plan_collection", "read_workbook", "write_workbooks"]
