; CoachDesk for Windows: a per-user installer (Inno Setup 6). No administrator rights, nothing
; written outside the user's own profile, and an uninstaller that never touches a coach's vaults.
;
; Built by installer\windows\build-windows.ps1, which passes the values below with /D:
;   ISCC /DAppVersion=0.1.0 /DBundleDir=...\dist\coachdesk /DOutputDir=... /DIconFile=...\coachdesk.ico
;        [/DSign "/Scoachdesk=signtool sign /fd sha256 ... $f"] coachdesk.iss
;
; Where things live on the coach's workstation:
;   program   %LOCALAPPDATA%\Programs\CoachDesk              ({app}; replaced on upgrade)
;   vaults    %LOCALAPPDATA%\CoachDesk Project\CoachDesk\     (Qt's AppLocalDataLocation, named in
;             coachdesk\app\paths.py; the installer neither writes nor deletes anything there)
;   shortcut  Start menu\Programs\CoachDesk                   (the user's own Start menu)

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\build\installer\dist\coachdesk"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\build\installer"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\installer\icons\coachdesk.ico"
#endif
; Must match ORGANISATION in coachdesk\app\paths.py: the folder holding the vaults.
#define DataOrganisation "CoachDesk Project"

[Setup]
; Never change AppId: it is how an upgrade finds (and replaces) the installed copy.
AppId={{3A22007F-2C24-474C-8F80-938C5A2FF659}
AppName=CoachDesk
AppVersion={#AppVersion}
AppVerName=CoachDesk {#AppVersion}
AppPublisher=CoachDesk Project
VersionInfoVersion={#AppVersion}
; Per-user install: runs without administrator rights and never asks for them.
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\CoachDesk
; An upgrade goes where the first install went; the folder page shows only on a first install.
UsePreviousAppDir=yes
DisableDirPage=auto
; Start menu: one shortcut, no folder page.
DisableProgramGroupPage=yes
; The bundle is 64-bit; Windows 10 is the oldest Qt 6 supports.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; Ask a running CoachDesk to close (it locks its vault on closing); never kill it.
CloseApplications=yes
RestartApplications=no
OutputDir={#OutputDir}
OutputBaseFilename=CoachDesk-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\CoachDesk.exe
UninstallDisplayName=CoachDesk
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
#ifdef Sign
; The "coachdesk" sign tool is defined on the ISCC command line (/Scoachdesk=...); the
; uninstaller is signed too.
SignTool=coachdesk
SignedUninstaller=yes
#endif

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"

[CustomMessages]
en.NotInDataFolder=CoachDesk cannot be installed in the folder that holds the coaches' vaults (%1). Please choose another folder.
es.NotInDataFolder=CoachDesk no se puede instalar en la carpeta que guarda las bóvedas de los coaches (%1). Elija otra carpeta.
en.VaultsKept=CoachDesk was removed. The coaches' vaults were kept in %1.
es.VaultsKept=CoachDesk se ha desinstalado. Las bóvedas de los coaches se conservan en %1.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade first removes the previous version's runtime, so no stale Qt plugin or DLL of an
; older version is ever loaded. {app} is only ever the program folder (see PrepareToInstall).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\CoachDesk"; Filename: "{app}\CoachDesk.exe"; Comment: "Offline, encrypted records for recovery coaches"
Name: "{autodesktop}\CoachDesk"; Filename: "{app}\CoachDesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\CoachDesk.exe"; Description: "{cm:LaunchProgram,CoachDesk}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] and no [Registry]: the uninstaller removes exactly the files this
; installer wrote into {app} (its log), its Start menu and desktop shortcuts, and {app} itself
; only if nothing else is left in it.

[Code]
function DataFolder(): String;
begin
  Result := ExpandConstant('{localappdata}\{#DataOrganisation}');
end;

function SameOrInside(const Inner, Outer: String): Boolean;
begin
  Result := Pos(Lowercase(AddBackslash(Outer)), Lowercase(AddBackslash(Inner))) = 1;
end;

// Runs in interactive and silent installs (/DIR= included), before anything is written.
function PrepareToInstall(var NeedsRestart: Boolean): String;
var
  App: String;
begin
  Result := '';
  App := ExpandConstant('{app}');
  if SameOrInside(App, DataFolder()) or SameOrInside(DataFolder(), App) then
    Result := FmtMessage(CustomMessage('NotInDataFolder'), [DataFolder()]);
end;

// After uninstalling, say where the vaults still are (not in silent uninstalls).
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() and DirExists(DataFolder()) then
    MsgBox(FmtMessage(CustomMessage('VaultsKept'), [DataFolder()]), mbInformation, MB_OK);
end;
