"""Calls of Ruby, Node, Perl and PHP that only read or compute, by a table per language.

`Dir.home`, `File.read("Gemfile.lock")`, `require('os').homedir()`, `fs.readdirSync('.')`,
`use List::Util` only read files and facts, like `cat` or `ls`: they are taken out of the code
before the check for calls that act (inline.harmless), so a one-liner made only of them and of
printing is SAFE. Anything not in the table still counts as acting.
"""

from __future__ import annotations

import re

from tui.core.safety.lazy import lazy_pattern

_RUBY_FILE = (
    "read readlines foreach exist\\? exists\\? file\\? directory\\? size\\?? stat lstat mtime "
    "ctime atime basename dirname extname expand_path absolute_path join readable\\? writable\\? "
    "executable\\? zero\\? empty\\? symlink\\? realpath split ftype"
).split()
_RUBY_DIR = "home pwd getwd glob entries children each_child exist\\? empty\\?".split()
_NODE_OS = (
    "homedir hostname cpus platform tmpdir userInfo uptime totalmem freemem type release arch "
    "networkInterfaces loadavg endianness EOL version machine availableParallelism"
).split()
_NODE_FS = (
    "readdirSync readFileSync existsSync statSync lstatSync realpathSync accessSync readlinkSync"
).split()
_PERL_MODULES = (
    "strict warnings utf8 List::Util Scalar::Util POSIX Data::Dumper JSON::PP Time::Local "
    "Time::HiRes Time::Piece File::Basename File::Spec Cwd Digest::MD5 Digest::SHA "
    "MIME::Base64 Text::Wrap Term::ANSIColor Encode"
).split()

_READS = lazy_pattern(
    r"\bFile\s*\.\s*(?:" + "|".join(_RUBY_FILE) + r")(?![\w!?])|"
    r"\bDir\s*(?:\.\s*(?:" + "|".join(_RUBY_DIR) + r")(?![\w!?])|\[)|"
    r"(?:require\(\s*['\"](?:node:)?os['\"]\s*\)|\bos)\s*\.\s*(?:" + "|".join(_NODE_OS) + r")\b|"
    r"(?:require\(\s*['\"](?:node:)?fs['\"]\s*\)|\bfs)\s*\.\s*(?:" + "|".join(_NODE_FS) + r")\b|"
    r"(?:const|let|var)\s+os\s*=\s*require\(\s*['\"](?:node:)?os['\"]\s*\)|"
    r"\buse\s+(?:" + "|".join(map(re.escape, _PERL_MODULES)) + r")\b[^;]*;?|"
    r"\bos\.(?:date|time|clock|getenv|difftime)\b|\bio\.(?:write|read|lines)\b"  # Lua
)
# A string without interpolation (`$x`, `@{[...]}`, `#{...}`, `${...}`) or backticks: data,
# not code, whatever words it holds (`["require"]`, `"use the force"`).
_PLAIN_STRING = lazy_pattern(r"'[^'$@#{}`\\\n]*'|\"[^\"$@#{}`\\\n]*\"")
# `File.read("|cmd")`, `open("| cmd")`: a leading pipe runs a command in Ruby and Perl.
_PIPE_OPEN = lazy_pattern(r"['\"]\s*\||\|\s*['\"]\s*\)")


def without_reads(code: str) -> str:
    """`code` with its read-only calls and its plain strings taken out."""
    if _PIPE_OPEN.search(code):
        return code
    return _PLAIN_STRING.sub("''", _READS.sub("read", code))
