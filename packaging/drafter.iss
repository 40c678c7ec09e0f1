; Inno Setup script (saved as UTF-8 with a BOM, which Inno Setup needs for the Chinese text) for 公文报告起草助手 (drafter). Build on Windows after packaging/build.py:
;   iscc /DAppVersion=0.1.0 packaging\drafter.iss
; Per-user install (no administrator rights), Chinese installer, Start-menu entry, optional desktop icon,
; .drafter files open in the app. Uninstall removes the program and its settings entry, never the user's documents.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
; The PyInstaller folder to install; packaging/wine/check.sh passes its own with /DBundleDir=…
#ifndef BundleDir
  #define BundleDir "..\dist\drafter"
#endif
#define AppName "公文报告起草助手"
#define AppExe "drafter.exe"

[Setup]
AppId={{8E2C4C55-6A1B-4C8E-9B7E-3F5D0C7A2D11}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=drafter
DefaultDirName={localappdata}\Programs\drafter
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
OutputDir=..\dist
OutputBaseFilename=drafter-setup-{#AppVersion}
SetupIconFile=..\resources\icons\drafter.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
; Inno Setup ships no Simplified Chinese: packaging/ChineseSimplified.isl is the project's own, beside this script.
Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "附加快捷方式："; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\卸载 {#AppName}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; Per-user file association: double-clicking a .drafter project runs `drafter.exe PROJECT`.
Root: HKCU; Subkey: "Software\Classes\.drafter"; ValueType: string; ValueName: ""; ValueData: "drafter.project"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\drafter.project"; ValueType: string; ValueName: ""; ValueData: "公文报告项目"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\drafter.project\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\drafter.project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

; Settings (QSettings) live here; removed on uninstall, created by the program, not by setup.
Root: HKCU; Subkey: "Software\drafter"; Flags: uninsdeletekey dontcreatekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "立即运行{#AppName}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself wrote: autosave copies and logs (drafter\drafter) and the cache of parsed templates and
; empty documents (drafter\cache). Reports, projects and the user's own templates (%APPDATA%) are the user's and stay.
Type: filesandordirs; Name: "{localappdata}\drafter\drafter"
Type: filesandordirs; Name: "{localappdata}\drafter\cache"
Type: dirifempty; Name: "{localappdata}\drafter"
