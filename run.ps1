# Set up (once, and again when pyproject.toml or constraints.txt changes) and run the app, the
# tests or the benchmark: run.sh for Windows PowerShell (5.1 and 7). The same verbs, venv folder
# and constraints file; tests/test_run_scripts.py keeps the two in step.
#   .\run.ps1 app [ARGS]    open the window (default experiment: the lecture's Boston net)
#   .\run.ps1 test [ARGS]   run the test suite (pytest ARGS)
#   .\run.ps1 bench [ARGS]  run bench/bench.py
# If PowerShell says running scripts is disabled on this system:
#   powershell -ExecutionPolicy Bypass -File .\run.ps1 app
# Keep this file ASCII: Windows PowerShell 5.1 reads a file without a BOM in the ANSI code page.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3
# In the script's folder, and back where the caller was afterwards (a script's Set-Location
# would outlive it in the calling PowerShell).
Push-Location -LiteralPath $PSScriptRoot
try {
  $mode = if ($args.Count -gt 0) { [string]$args[0] } else { 'app' }
  $rest = @($args | Select-Object -Skip 1)
  $venv = if ($env:VENV) { $env:VENV } else { '.venv' }
  $constraints = 'constraints.txt'  # the exact versions tested (README, "Tested versions")
  # The app needs Python 3.11; TensorFlow 2.21 (constraints.txt) has wheels up to 3.13.
  $version_code = 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))'

  switch ($mode) {
    'app' { $extras = '' }
    'test' { $extras = '[test]' }
    'bench' { $extras = '[test]' }
    default { [Console]::Error.WriteLine('usage: .\run.ps1 app|test|bench [ARGS]'); exit 2 }
  }

  # A Python for the venv: $env:PYTHON, else the newest fitting one the py launcher knows, else
  # python. (The Microsoft Store's python.exe stub fails the version check.)
  function Find-Python {
    $ErrorActionPreference = 'Continue'  # a failing probe writes to stderr; that is no error here
    $candidates = @()
    if ($env:PYTHON) {
      $candidates += , @($env:PYTHON)
    } else {
      if (Get-Command py -ErrorAction SilentlyContinue) {
        foreach ($v in '-3.13', '-3.12', '-3.11') { $candidates += , @('py', $v) }
      }
      $candidates += , @('python')
    }
    foreach ($c in $candidates) {
      $exe = $c[0]
      $pre = @($c | Select-Object -Skip 1)
      if (-not (Get-Command $exe -ErrorAction SilentlyContinue)) { continue }
      & $exe @pre -c $version_code 2>$null
      if ($LASTEXITCODE -eq 0) { return , $c }
    }
    return $null
  }

  $bin = if ($env:OS -eq 'Windows_NT') { 'Scripts\python.exe' } else { 'bin/python' }
  $py = Join-Path $venv $bin
  if (-not (Test-Path -LiteralPath $py)) {
    $found = Find-Python
    if (-not $found) {
      [Console]::Error.WriteLine('Python 3.11 to 3.13 is needed (python.org, with the py launcher), or set $env:PYTHON')
      exit 1
    }
    $exe = $found[0]
    $pre = @($found | Select-Object -Skip 1)
    & $exe @pre -m venv $venv
    if ($LASTEXITCODE -ne 0) { exit 1 }
  }
  $stamp = Join-Path $venv ".installed$extras"
  # The stamp holds a hash of both files: a change to either reinstalls. (The same code as in
  # run.sh, with no quotes inside so that PowerShell 5 passes it unchanged.)
  $hash_code = 'import hashlib, pathlib, sys; h = hashlib.sha256(); [h.update(pathlib.Path(n).read_bytes()) for n in sys.argv[1:]]; print(h.hexdigest()[:16])'
  $want = & $py -c $hash_code pyproject.toml $constraints
  if ($LASTEXITCODE -ne 0) { exit 1 }
  $have = if (Test-Path -LiteralPath $stamp) { "$(Get-Content -LiteralPath $stamp -Raw)".Trim() } else { '' }
  if ($have -ne $want) {
    & $py -m pip install --quiet --upgrade pip
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    & $py -m pip install --quiet -c $constraints -e ".$extras"
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    Set-Content -LiteralPath $stamp -Value $want -Encoding Ascii
  }

  # test and bench draw offscreen unless told otherwise; the setting is undone afterwards, since
  # $env: changes outlive the script in the calling PowerShell.
  $qpa = $env:QT_QPA_PLATFORM
  try {
    switch ($mode) {
      'app' { & $py main.py @rest }
      'test' { if (-not $qpa) { $env:QT_QPA_PLATFORM = 'offscreen' }; & $py -m pytest @rest }
      'bench' { if (-not $qpa) { $env:QT_QPA_PLATFORM = 'offscreen' }; & $py bench/bench.py @rest }
    }
  } finally {
    $env:QT_QPA_PLATFORM = $qpa
  }
  exit $LASTEXITCODE
} finally {
  Pop-Location
}
