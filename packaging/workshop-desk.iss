; Inno Setup script: wraps the PyInstaller folder dist\workshop-desk into one Windows installer.
; Build on Windows after `pyinstaller --noconfirm --clean build_installer.spec`:
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\workshop-desk.iss
; (AppVersion: desktop/__init__.py's __version__.) Output: dist\installer\WorkshopDesk-<version>-setup.exe
; The folder holds two programs (packaging/spec_options.py): WorkshopDesk.exe, the window the
; Start menu opens, and workshop-desk.exe, the console program for commands.
; Installs per user by default (no administrator rights needed on a government laptop; the
; setup's first page offers "install for all users" to someone who has them). Data stays in
; %LOCALAPPDATA%\WorkshopDesk and is kept on uninstall.
; Not tested in this project's CI (Linux only): check it once on a Windows machine per release.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "研習報到台 Workshop Desk"
#define GuiExe "WorkshopDesk.exe"
#define CliExe "workshop-desk.exe"
#define FirewallRule "Workshop Desk venue server"

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
UninstallDisplayIcon={app}\{#GuiExe}
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

[CustomMessages]
chinesetraditional.FirewallTask=允許手機連到現場連線（在 Windows Defender 防火牆加入規則，私人與公用網路）
english.FirewallTask=Let phones reach the venue server (a Windows Defender Firewall rule, private and public networks)
chinesetraditional.CommandPrompt=命令列 (Workshop Desk command prompt)
english.CommandPrompt=Workshop Desk command prompt

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
; Adding a firewall rule needs administrator rights: offered only to an install for all users.
Name: "firewall"; Description: "{cm:FirewallTask}"; Check: IsAdminInstallMode

[Files]
Source: "..\dist\workshop-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#GuiExe}"
Name: "{group}\{#AppName} 示範活動 (demo)"; Filename: "{app}\{#GuiExe}"; Parameters: "--demo"
; cmd in the install folder with the folder on PATH: `workshop-desk --help` works there.
Name: "{group}\{cm:CommandPrompt}"; Filename: "{cmd}"; Parameters: "/k ""set PATH={app};%PATH%&& {#CliExe} --version"""; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Tasks: desktopicon

[Run]
; The venue server listens in the window (開放現場連線) and in `workshop-desk serve`: one rule per
; program, inbound TCP, private and public profiles (venue Wi-Fi is usually "Public").
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall add rule name=""{#FirewallRule}"" dir=in action=allow protocol=TCP profile=private,public program=""{app}\{#GuiExe}"" enable=yes"; Flags: runhidden waituntilterminated; Tasks: firewall; Check: IsAdminInstallMode
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall add rule name=""{#FirewallRule}"" dir=in action=allow protocol=TCP profile=private,public program=""{app}\{#CliExe}"" enable=yes"; Flags: runhidden waituntilterminated; Tasks: firewall; Check: IsAdminInstallMode
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
; Removes both rules (same name); nothing happens when the task was not chosen.
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""{#FirewallRule}"""; Flags: runhidden waituntilterminated; RunOnceId: "DeleteFirewallRule"; Check: IsAdminInstallMode
