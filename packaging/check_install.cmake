# ctest install_layout: `cmake --install` into a fresh DESTDIR, then checks that every file a
# user needs is there and that the installed loopscope-run runs an installed lesson.
# Arguments: BUILD_DIR, STAGE_DIR (emptied first), WITH_APP (1 when the app was built).
file(REMOVE_RECURSE "${STAGE_DIR}")
execute_process(
    COMMAND ${CMAKE_COMMAND} -E env DESTDIR=${STAGE_DIR}
            ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix /usr
    RESULT_VARIABLE result OUTPUT_QUIET ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cmake --install failed (${result}): ${errors}")
endif()

set(root "${STAGE_DIR}/usr")
set(expected
    bin/loopscope-run
    share/loopscope/lessons/01_hello_event_loop.py
    share/loopscope/lessons/lib/fake_http.py
    share/doc/loopscope/RECORDING.md)
if(WITH_APP)
    list(APPEND expected
        bin/loopscope
        share/applications/loopscope.desktop
        share/icons/hicolor/scalable/apps/loopscope.svg
        share/mime/packages/loopscope-recording.xml)
endif()
foreach(file IN LISTS expected)
    if(NOT EXISTS "${root}/${file}")
        message(FATAL_ERROR "not installed: ${file}")
    endif()
endforeach()
# The tests' expected outputs are not lessons.
if(EXISTS "${root}/share/loopscope/lessons/expected")
    message(FATAL_ERROR "lessons/expected was installed")
endif()

# The installed runner runs an installed lesson, as CPython would print it (running it also
# shows it was installed executable).
execute_process(
    COMMAND "${root}/bin/loopscope-run" "${root}/share/loopscope/lessons/01_hello_event_loop.py"
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors TIMEOUT 60)
if(NOT result EQUAL 0 OR output STREQUAL "")
    message(FATAL_ERROR "installed loopscope-run failed on lesson 1 (${result}): ${errors}")
endif()
file(READ "${CMAKE_CURRENT_LIST_DIR}/../lessons/expected/01_hello_event_loop.out" wanted)
if(NOT output STREQUAL wanted)
    message(FATAL_ERROR "installed loopscope-run printed:\n${output}\nexpected:\n${wanted}")
endif()

if(WITH_APP)
    # The desktop entry names the installed program and icon.
    file(READ "${root}/share/applications/loopscope.desktop" desktop)
    if(NOT desktop MATCHES "\nExec=loopscope " OR NOT desktop MATCHES "\nIcon=loopscope\n")
        message(FATAL_ERROR "loopscope.desktop does not start the installed app:\n${desktop}")
    endif()
    # The installed app starts (a Qt GUI program needs a platform even for --version).
    execute_process(
        COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen "${root}/bin/loopscope" --version
        RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors TIMEOUT 60)
    if(NOT result EQUAL 0 OR NOT output MATCHES "Loopscope")
        message(FATAL_ERROR "installed loopscope --version failed (${result}): ${output}${errors}")
    endif()
endif()
message(STATUS "installed layout OK under ${root}")
