@echo off
rem The grader: grade --help  |  grade submission PATH  |  grade class FOLDER  |  grade sample-class
setlocal
set "ROOT=%~dp0"
call "%ROOT%mvnw.cmd" -q -f "%ROOT%pom.xml" -pl grading -am compile exec:exec "-Dargs=%*"
