@echo off
rem migstatus launcher for Windows: runs lib\migstatus.jar with the Java runtime of the runtime
rem image (runtime\), else JAVA_HOME's, else the java on the PATH. It never writes anything.
rem (No percent signs in these remarks: cmd expands them even here.)
rem MIGSTATUS_JAVA_OPTS come after the options below, so they override them.
rem No parenthesised blocks: a path such as "C:\Program Files (x86)\..." would end them early.
setlocal
set "MIGSTATUS_HOME=%~dp0.."

set "JAVA_EXE=%MIGSTATUS_HOME%\runtime\bin\java.exe"
if exist "%JAVA_EXE%" goto run
if not defined JAVA_HOME goto path
set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if exist "%JAVA_EXE%" goto run
echo migstatus: no Java found (%JAVA_EXE%): install a Java 17 or later runtime, or set JAVA_HOME 1>&2
exit /b 127

:path
set "JAVA_EXE=java.exe"
where /q java.exe && goto run
echo migstatus: no Java found (java.exe on the PATH): install a Java 17 or later runtime, or set JAVA_HOME 1>&2
exit /b 127

:run
rem The JVM's memory and compiler settings, all here (why: docs/performance.md), as in bin/migstatus.
set "JVM_OPTS=-XX:+UseSerialGC -Xms64m -Xmn32m -XX:MaxRAMPercentage=50 -XX:-ShrinkHeapInSteps -XX:MaxHeapFreeRatio=50 -XX:TieredStopAtLevel=1 -XX:+DisplayVMOutputToStderr -Xlog:disable -Xlog:all=warning:stderr"
"%JAVA_EXE%" %JVM_OPTS% %MIGSTATUS_JAVA_OPTS% -jar "%MIGSTATUS_HOME%\lib\migstatus.jar" %*
exit /b %ERRORLEVEL%
