@echo off
rem Builds one module (and what it needs), then runs one of its main classes with plain java.
rem   .mvn\run-java.cmd MODULE MAIN_CLASS [program arguments...]
setlocal
set "ROOT=%~dp0.."
set "MODULE=%~1"
set "MAIN=%~2"
shift
shift
set "ARGS="
:collect
if "%~1"=="" goto build
set ARGS=%ARGS% %1
shift
goto collect
:build
echo Building %MODULE% (the first time Maven fetches the libraries, about 300 MB, once: 1 to 3 minutes) ... 1>&2
call "%ROOT%\mvnw.cmd" -q -B -f "%ROOT%\pom.xml" -pl "%MODULE%" -am test-compile dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime
if errorlevel 1 (
  echo The build of %MODULE% failed ^(see above^): fix the compile error first. 1>&2
  exit /b 2
)
set /p CP=<"%ROOT%\%MODULE%\target\runtime-classpath.txt"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
rem lab programs and the grader: C1 alone (as in run-java.sh), for a first result seconds sooner
set "JIT="
if /i "%MODULE:~0,5%"=="labs/" set "JIT=-XX:TieredStopAtLevel=1"
if /i "%MODULE:~0,10%"=="solutions/" set "JIT=-XX:TieredStopAtLevel=1"
if /i "%MODULE%"=="grading" set "JIT=-XX:TieredStopAtLevel=1"
"%JAVA%" -Xmx2g %JIT% @"%ROOT%\.mvn\spark-jvm.options" -cp "%ROOT%\%MODULE%\target\classes;%CP%" %MAIN% %ARGS%
exit /b %errorlevel%
