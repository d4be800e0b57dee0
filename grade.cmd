@echo off
rem The grader: grade --help  |  grade submission PATH  |  grade class FOLDER  |  grade sample-class
call "%~dp0.mvn\run-java.cmd" grading streamlab.grading.Grade %*
exit /b %errorlevel%
