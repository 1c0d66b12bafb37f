# Writes completions/fu.bash, _fu and fu.fish from the built binary (`fu completion SHELL`):
#   cmake --build build --target completions
# Run by that target with -DFU=<the binary> -DOUT=<the completions directory>.
foreach(pair IN ITEMS "bash;fu.bash" "zsh;_fu" "fish;fu.fish")
  list(GET pair 0 shell)
  list(GET pair 1 file)
  execute_process(COMMAND ${FU} --config /dev/null completion ${shell}
                  OUTPUT_FILE ${OUT}/${file}.new RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    file(REMOVE ${OUT}/${file}.new)
    message(FATAL_ERROR "fu completion ${shell} failed (${status})")
  endif()
  file(RENAME ${OUT}/${file}.new ${OUT}/${file})
endforeach()
