"""公文报告起草助手: draft annual work reports and export them in the official Word style."""
