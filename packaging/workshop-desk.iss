; Inno Setup script: wraps the PyInstaller folder dist\workshop-desk into one Windows installer.
; Build on Windows after `pyinstaller --noconfirm --clean build_installer.spec`:
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\workshop-desk.iss
; (AppVersion: the version in pyproject.toml.) Output: dist\installer\WorkshopDesk-<version>-setup.exe
; Installs per user (no administrator rights needed on a government laptop); data stays in
; %LOCALAPPDATA%\WorkshopDesk and is kept on uninstall.
; Not tested in this project's CI (Linux only): check it once on a Windows machine per release.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "研習報到台 Workshop Desk"
#define AppExe "workshop-desk.exe"

[Setup]
AppId={{6B0E8C51-4C1F-4F7B-9A39-2E3B7F5D8A41}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Workshop Desk
DefaultDirName={autopf}\WorkshopDesk
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\dist\installer
OutputBaseFilename=WorkshopDesk-{#AppVersion}-setup
SetupIconFile=..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
; ChineseTraditional.isl: shipped with recent Inno Setup 6 releases; with an older one, fetch it from
; https://jrsoftware.org/files/istrans/ into Inno Setup's Languages folder.
Name: "chinesetraditional"; MessagesFile: "compiler:Languages\ChineseTraditional.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\dist\workshop-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{#AppName} 示範活動 (demo)"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
