"""The side tabs beside the form: 检查, 同比变化, 对照去年."""
