@echo off
rem netcat-sim launcher for Windows: a drop-in for `nc -lk PORT` that sends every line to every client.
rem   netcat-sim\nc -lk 9999        (from the repository root, or from anywhere)
rem   netcat-sim\nc --help
rem Builds netcat-sim\target\netcat-sim.jar with the Maven Wrapper at the repository root the first time, then runs it.
setlocal
set "MODULE_DIR=%~dp0"
set "JAR=%MODULE_DIR%target\netcat-sim.jar"

set "JAVA_CMD=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_CMD=%JAVA_HOME%\bin\java.exe"
if not "%JAVA_CMD%"=="java" goto have_java
where java >nul 2>nul
if errorlevel 1 (
  echo netcat-sim: no java found: install JDK 17 and put it on the PATH, or set JAVA_HOME 1>&2
  exit /b 1
)
:have_java

if exist "%JAR%" goto run
echo netcat-sim: building %JAR% - only the first time ... 1>&2
pushd "%MODULE_DIR%.."
call mvnw.cmd -q -pl netcat-sim -DskipTests package 1>&2
set "BUILD_STATUS=%ERRORLEVEL%"
popd
if not "%BUILD_STATUS%"=="0" (
  echo netcat-sim: the build failed; see the messages above 1>&2
  exit /b 1
)

:run
"%JAVA_CMD%" -jar "%JAR%" %*
exit /b %ERRORLEVEL%
