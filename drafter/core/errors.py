"""The one mark every error a user may see carries: its message is Chinese, names the file and says what to do."""


class UserFacingError(Exception):
    """Caught at the edge (CLI, window) and shown as it is; never a traceback."""


class ProjectError(UserFacingError, ValueError):
    """A project file that cannot be used; the message names the file and the place, in Chinese."""
