"""The man page, man/fu.1: it renders without a single groff warning, and it keeps up with the
command line — every command that `fu --help` lists has its own subsection under COMMANDS, every
long option that `fu CMD --help` lists appears in that subsection, and every global option appears
under GLOBAL OPTIONS.

The binary is $FU_BIN, else ../../build/fu next to this file; a missing binary is a failure. Only the
rendering test is ever skipped (with a message saying what to install): when neither groff nor man
is available.
"""

import os
import re
import shutil
import subprocess
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PAGE = ROOT / "man" / "fu.1"
CONFIG_PAGE = ROOT / "man" / "fu-config.5"
FU = Path(os.environ.get("FU_BIN") or (HERE / ".." / ".." / "build" / "fu")).resolve()

# A quiet, predictable environment for rendering and for the help texts.
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8", MANWIDTH="80", COLUMNS="80",
           NO_COLOR="1", TZ="UTC", MAN_KEEP_FORMATTING="0", MANPAGER="cat", PAGER="cat")
ENV.pop("MANOPT", None)


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, env=ENV, timeout=60, **kwargs)


def fu_help(*command):
    """The text of `fu [COMMAND] --help`."""
    result = run([str(FU), *command, "--help"])
    if result.returncode != 0:
        raise AssertionError(f"`fu {' '.join(command)} --help` exited {result.returncode}: {result.stderr}")
    return result.stdout


def help_section(text, title):
    """The lines of one section ('Options:', 'Subcommands:') of a CLI11 help text."""
    lines, inside = [], False
    for line in text.splitlines():
        if line.strip() == title:
            inside = True
            continue
        if inside:
            if line and not line[0].isspace():
                break
            if line.strip():
                lines.append(line)
    return lines


def subcommands(help_text):
    return [line.split()[0] for line in help_section(help_text, "Subcommands:")]


def long_options(help_text):
    """The long options of a help text: '--until' from '  --until TEXT ...   Also show …'.
    Only the first column counts, so an option named in a description is not taken for one."""
    options = []
    for line in help_section(help_text, "Options:"):
        spec = re.split(r"\s{2,}", line.strip())[0]
        options += [o for o in re.findall(r"--[A-Za-z0-9][A-Za-z0-9-]*", spec) if o not in options]
    return options


def plain(roff):
    """Roff source as plain text, enough to search for names: escapes for hyphens, fonts and
    zero-width characters removed."""
    text = roff.replace("\\-", "-").replace("\\&", "").replace("\\%", "").replace("\\:", "")
    text = re.sub(r"\\f(\[[^\]]*\]|\(..|.)", "", text)
    text = re.sub(r"\\\((aq|dq)", lambda m: "'" if m.group(1) == "aq" else '"', text)
    return text


def sections(roff):
    """{'SH title': text} and {'command': text} for the .SS subsections under COMMANDS."""
    top, commands = {}, {}
    current_sh, current_ss = None, None
    for line in roff.splitlines():
        match = re.match(r'^\.(SH|SS)\s+"?(.*?)"?\s*$', line)
        if match:
            kind, title = match.group(1), plain(match.group(2)).strip()
            if kind == "SH":
                current_sh, current_ss = title, None
                top[current_sh] = ""
            elif current_sh == "COMMANDS":
                words = title.split()
                current_ss = words[1] if len(words) > 1 and words[0] == "fu" else words[0]
                commands[current_ss] = ""
            continue
        if current_sh is not None:
            top[current_sh] += line + "\n"
        if current_ss is not None:
            commands[current_ss] += line + "\n"
    return {k: plain(v) for k, v in top.items()}, {k: plain(v) for k, v in commands.items()}


def mentions(text, option):
    return re.search(r"(?<![A-Za-z0-9-])" + re.escape(option) + r"(?![A-Za-z0-9-])", text) is not None


class ManPageRenders(unittest.TestCase):
    def test_page_exists_and_is_ascii(self):
        self.assertTrue(PAGE.is_file(), f"{PAGE} is missing")
        data = PAGE.read_bytes()
        bad = [n for n, line in enumerate(data.splitlines(), 1) if any(b > 127 for b in line)]
        self.assertEqual(bad, [], f"non-ASCII bytes in {PAGE} on lines {bad}: use roff escapes such as \\(en")

    def test_renders_without_warnings(self):
        groff = shutil.which("groff")
        man = shutil.which("man")
        if groff is None and man is None:
            self.skipTest("neither groff nor man is installed (Debian: apt-get install groff-base man-db)")
        if groff is not None:
            for width in ("80n", "65n"):
                with self.subTest(renderer="groff", width=width):
                    result = run([groff, "-man", "-Tutf8", "-ww", "-z", f"-rLL={width}", str(PAGE)])
                    self.assertEqual(result.stderr, "", f"groff warns about {PAGE}:\n{result.stderr}")
                    self.assertEqual(result.returncode, 0)
        if man is not None:
            with self.subTest(renderer="man"):
                result = run([man, "--warnings=w", "-l", str(PAGE)])
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertEqual(result.stderr, "", f"man warns about {PAGE}:\n{result.stderr}")
                text = re.sub(r".\x08", "", result.stdout)  # overstrike bold and underline
                self.assertIn("NAME", text, "man rendered no NAME section")
                self.assertIn("follow-up tracker", text, "man rendered no NAME line")

    def test_mandoc_lint_is_silent(self):
        mandoc = shutil.which("mandoc")
        if mandoc is None:
            self.skipTest("mandoc is not installed (Debian: apt-get install mandoc)")
        for page in (PAGE, CONFIG_PAGE):
            with self.subTest(page=page.name):
                result = run([mandoc, "-T", "lint", "-W", "all", str(page)])
                self.assertEqual(result.stdout + result.stderr, "", f"mandoc -T lint complains about {page}")
                self.assertEqual(result.returncode, 0)

    def test_config_page_renders_without_warnings(self):
        groff = shutil.which("groff")
        if groff is None:
            self.skipTest("groff is not installed (Debian: apt-get install groff-base)")
        result = run([groff, "-man", "-Tutf8", "-ww", "-z", str(CONFIG_PAGE)])
        self.assertEqual((result.returncode, result.stderr), (0, ""), f"groff warns about {CONFIG_PAGE}")

    def test_has_the_usual_sections(self):
        top, _ = sections(PAGE.read_text(encoding="utf-8"))
        for title in ("NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "GLOBAL OPTIONS", "TIME PHRASES",
                      "OUTPUT FORMATS", "ENVIRONMENT", "FILES", "EXIT STATUS", "EXAMPLES", "SEE ALSO"):
            self.assertIn(title, top, f"{PAGE} has no {title} section")


class ManPageKeepsUpWithTheCommandLine(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not (FU.is_file() and os.access(FU, os.X_OK)):
            raise AssertionError(f"no fu binary at {FU}: build it (cmake --build build) or set FU_BIN")
        cls.roff = PAGE.read_text(encoding="utf-8")
        cls.top, cls.commands = sections(cls.roff)
        cls.root_help = fu_help()

    def test_help_is_parsed(self):
        # Guards the parsing below: were the help layout to change, the other tests would pass vacuously.
        self.assertIn("due", subcommands(self.root_help))
        self.assertIn("--db", long_options(self.root_help))
        self.assertIn("--until", long_options(fu_help("due")))

    def test_every_command_has_a_subsection(self):
        missing = [c for c in subcommands(self.root_help) if c not in self.commands]
        self.assertEqual(missing, [], f"commands of `fu --help` without a .SS subsection under COMMANDS in {PAGE}")

    def test_every_command_is_in_the_synopsis(self):
        synopsis = self.top.get("SYNOPSIS", "")
        missing = [c for c in subcommands(self.root_help) if not re.search(r"\bfu\s+\[?" + re.escape(c) + r"\b", synopsis)]
        self.assertEqual(missing, [], "commands missing from SYNOPSIS")

    def test_every_option_of_every_command_is_documented_with_it(self):
        for command in subcommands(self.root_help):
            options = [o for o in long_options(fu_help(command)) if o != "--help"]
            with self.subTest(command=command):
                text = self.commands.get(command)
                self.assertIsNotNone(text, f"no subsection for {command}")
                missing = [o for o in options if not mentions(text, o)]
                self.assertEqual(missing, [], f"options of `fu {command} --help` missing from its subsection")

    def test_every_global_option_is_documented(self):
        text = self.top.get("GLOBAL OPTIONS", "")
        missing = [o for o in long_options(self.root_help) if not mentions(text, o)]
        self.assertEqual(missing, [], "options of `fu --help` missing from GLOBAL OPTIONS")


class ConfigPageKeepsUpWithTheKeys(unittest.TestCase):
    def test_every_key_the_binary_knows_has_an_entry(self):
        if not (FU.is_file() and os.access(FU, os.X_OK)):
            raise AssertionError(f"no fu binary at {FU}: build it (cmake --build build) or set FU_BIN")
        # `fu config` lists every key of the binary's table, a row each, with a missing config file.
        result = run([str(FU), "--config", "/dev/null", "--db", "/nonexistent/fu.db", "config", "--format", "tsv"])
        self.assertEqual(result.returncode, 0, result.stderr)
        keys = [line.split("\t")[0] for line in result.stdout.splitlines()[1:]]
        self.assertIn("busy_timeout_ms", keys)  # guards the parsing
        top, _ = sections(CONFIG_PAGE.read_text(encoding="utf-8"))
        text = CONFIG_PAGE.read_text(encoding="utf-8")
        keys_section = text.split("\n.SH KEYS\n", 1)[1].split("\n.SH ", 1)[0]
        entries = re.findall(r"^\.TP(?: \d+)?\n\.B (\S+)$", keys_section, flags=re.M)
        self.assertEqual([k for k in keys if k not in entries], [], f"keys without a .TP entry under KEYS in {CONFIG_PAGE}")
        self.assertEqual([e for e in entries if e not in keys], [], f"entries under KEYS the binary does not know")
        for key in keys:
            self.assertRegex(top.get("EXAMPLES", ""), rf"(?m)^(\[{key}\]|{key} = )",
                             f"the example file in {CONFIG_PAGE} does not set {key}")
        for title in ("NAME", "SYNOPSIS", "DESCRIPTION", "KEYS", "EXAMPLES", "FILES", "SEE ALSO"):
            self.assertIn(title, top)

    def test_the_example_file_is_one_fu_reads(self):
        import tempfile  # noqa: PLC0415
        roff = CONFIG_PAGE.read_text(encoding="utf-8").split("\n.SH EXAMPLES\n", 1)[1]
        example = plain(roff.split(".EX\n", 1)[1].split(".EE\n", 1)[0]).replace("\\(ti", "~")
        with tempfile.TemporaryDirectory(prefix="fu-man-") as home:
            path = Path(home) / "config.toml"
            path.write_text(example, encoding="utf-8")
            result = subprocess.run([str(FU), "--config", str(path), "--now", "2026-06-15T09:30", "config",
                                     "--format", "tsv"], capture_output=True, text=True, timeout=60,
                                    env=dict(ENV, HOME=home))
        self.assertEqual((result.returncode, result.stderr), (0, ""), "the example file of fu-config(5) is refused")
        self.assertNotIn("\tdefault\n", result.stdout, "the example file leaves a key at its default")


if __name__ == "__main__":
    unittest.main()
