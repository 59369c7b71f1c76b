# Build CoachDesk for Windows: the one-folder bundle and the per-user installer.
#
#   powershell -ExecutionPolicy Bypass -File installer\windows\build-windows.ps1 [-Sign]
#
# Output: build\installer\dist\coachdesk\ (CoachDesk.exe, coachdesk-cli.exe, _internal\) and
# build\installer\CoachDesk-<version>-setup.exe. What the machine needs: installer\README.md.
# -Sign signs both programs, the setup and its uninstaller with signtool; set
# COACHDESK_SIGN_CERT (a .pfx file, or the thumbprint of a certificate in the user's store),
# COACHDESK_SIGN_PASSWORD (for a .pfx) and COACHDESK_TIMESTAMP_URL (your CA's RFC 3161 server).
param(
    [switch]$Sign,
    [string]$Python = "py",
    [string[]]$PythonArgs = @("-3.11")
)
$ErrorActionPreference = "Stop"
$repo = (Resolve-Path "$PSScriptRoot\..\..").Path
$out = Join-Path $repo "build\installer"
$venv = Join-Path $out "venv"
$clock = [Diagnostics.Stopwatch]::StartNew()

# Native programs do not stop the script on failure by themselves.
function Invoke-Checked([string]$Program, [string[]]$Arguments) {
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Program failed with exit code $LASTEXITCODE" }
}

function Find-Iscc {
    $found = Get-Command ISCC.exe -ErrorAction SilentlyContinue
    if ($found) { return $found.Source }
    foreach ($dir in @("${env:ProgramFiles(x86)}\Inno Setup 6", "$env:ProgramFiles\Inno Setup 6",
                       "$env:LOCALAPPDATA\Programs\Inno Setup 6")) {
        if (Test-Path "$dir\ISCC.exe") { return "$dir\ISCC.exe" }
    }
    throw "Inno Setup 6 (ISCC.exe) not found: install it or put it on PATH"
}

function Get-SignArguments {
    $cert = $env:COACHDESK_SIGN_CERT
    $stamp = $env:COACHDESK_TIMESTAMP_URL
    if (-not $cert -or -not $stamp) { throw "-Sign needs COACHDESK_SIGN_CERT and COACHDESK_TIMESTAMP_URL" }
    $arguments = @("sign", "/fd", "sha256", "/tr", $stamp, "/td", "sha256")
    if (Test-Path $cert) {
        $arguments += @("/f", $cert)
        if ($env:COACHDESK_SIGN_PASSWORD) { $arguments += @("/p", $env:COACHDESK_SIGN_PASSWORD) }
    } else {
        $arguments += @("/sha1", $cert)
    }
    return $arguments
}

Write-Host "== build virtualenv: $venv"
Invoke-Checked $Python ($PythonArgs + @("-m", "venv", "--clear", $venv))
$py = Join-Path $venv "Scripts\python.exe"
Invoke-Checked $py @("-m", "pip", "install", "--disable-pip-version-check", "-q", "$repo[installer]")

Write-Host "== icons"
Invoke-Checked $py @("$repo\installer\make_icons.py", "$out\icons")

Write-Host "== one-folder bundle (PyInstaller)"
Invoke-Checked $py @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                     "--distpath", "$out\dist", "--workpath", "$out\work",
                     "$repo\installer\coachdesk.spec")
$bundle = Join-Path $out "dist\coachdesk"

Write-Host "== self-test of the bundle"
$env:QT_QPA_PLATFORM = "offscreen"
Invoke-Checked "$bundle\coachdesk-cli.exe" @("--self-test")
Remove-Item Env:\QT_QPA_PLATFORM

if ($Sign) {
    Write-Host "== signing the programs"
    $signArgs = Get-SignArguments
    Invoke-Checked "signtool.exe" ($signArgs + @("$bundle\CoachDesk.exe", "$bundle\coachdesk-cli.exe"))
}

Write-Host "== installer (Inno Setup)"
$version = (& $py -c "import coachdesk; print(coachdesk.__version__)").Trim()
$isccArgs = @("/Q", "/DAppVersion=$version", "/DBundleDir=$bundle", "/DOutputDir=$out",
              "/DIconFile=$out\icons\coachdesk.ico")
if ($Sign) {
    # ISCC replaces $f with the file to sign; $q with a quote.
    $line = "signtool.exe " + (($signArgs | ForEach-Object { '$q' + $_ + '$q' }) -join " ") + ' $f'
    $isccArgs += @("/DSign", "/Scoachdesk=$line")
}
Invoke-Checked (Find-Iscc) ($isccArgs + @("$repo\installer\windows\coachdesk.iss"))
Remove-Item -Recurse -Force "$out\work" -ErrorAction SilentlyContinue

$setup = Join-Path $out "CoachDesk-$version-setup.exe"
$folderMiB = [math]::Round(((Get-ChildItem -Recurse -File $bundle | Measure-Object Length -Sum).Sum) / 1MB, 1)
$setupMiB = [math]::Round((Get-Item $setup).Length / 1MB, 1)
Write-Host ""
Write-Host "== CoachDesk Windows build done in $([int]$clock.Elapsed.TotalSeconds) s"
Write-Host "bundle folder: $bundle  $folderMiB MiB"
Write-Host "installer:     $setup  $setupMiB MiB"
