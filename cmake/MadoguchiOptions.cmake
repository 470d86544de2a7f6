# Flags every Madoguchi target shares (style.md: one INTERFACE target).
add_library(madoguchi_options INTERFACE)
target_compile_features(madoguchi_options INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_definitions(madoguchi_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    $<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2>)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(madoguchi_options INTERFACE
        -Wall -Wextra -Wpedantic -fstack-protector-strong
        $<$<BOOL:${MADOGUCHI_WERROR}>:-Werror>)
    target_link_options(madoguchi_options INTERFACE -Wl,-z,relro -Wl,-z,now)
    if(MADOGUCHI_SANITIZE)
        string(REPLACE ";" "," _san "${MADOGUCHI_SANITIZE}")
        target_compile_options(madoguchi_options INTERFACE -fsanitize=${_san} -fno-omit-frame-pointer)
        target_link_options(madoguchi_options INTERFACE -fsanitize=${_san})
    endif()
elseif(MSVC)
    target_compile_options(madoguchi_options INTERFACE /W4 /permissive- /utf-8 $<$<BOOL:${MADOGUCHI_WERROR}>:/WX>)
endif()
