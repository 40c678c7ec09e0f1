"""The Qt-free core: model, files, rendering, export, import and checks."""
