"""Shell completion, end to end: `fu completion SHELL` writes the scripts committed in completions/
(a difference is a failure: regenerate them), `fu __complete` answers quietly without touching the
database, and the scripts complete in the real shells from Debian's packages — bash (with and without
bash-completion, through COMP_WORDS/COMP_CWORD), fish (`complete --do-complete`) and zsh (an
interactive zsh in a pty, Tab pressed): a command, an option's values and a contact name with a
space, read from a test database.

A shell that is not installed is a skipped test with what to install (CI installs them all).
"""

import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from fu_harness import FU_BIN, FuSandbox

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
COMPLETIONS = ROOT / "completions"
FILES = {"bash": "fu.bash", "zsh": "_fu", "fish": "fu.fish"}
REGENERATE = "regenerate them with: cmake --build build --target completions"


class ShellSandbox(FuSandbox):
    """A sandbox whose PATH finds this fu as `fu`, with a database of three contacts in FU_DB."""

    def __init__(self, test):
        super().__init__(test)
        self.bin = self.root / "bin"
        self.bin.mkdir()
        (self.bin / "fu").symlink_to(Path(FU_BIN).resolve())
        for name in ("Ada Lovelace", "Adele Goldberg", "Grace Hopper"):
            self.ok("add", *name.split())
        self.ok("promise", "ada", "tomorrow", "--about", "the quote")

    def shell_env(self, extra=None):
        env = self.env(extra={"PATH": f"{self.bin}:/usr/local/bin:/usr/bin:/bin", "FU_DB": str(self.db),
                              "FU_NOW": self.now, "TERM": "dumb"})
        env.update(extra or {})
        return env


class GeneratedFiles(unittest.TestCase):
    def test_committed_scripts_are_what_the_binary_writes(self):
        sandbox = FuSandbox(self)
        for shell, name in FILES.items():
            with self.subTest(shell=shell):
                generated = sandbox.ok("completion", shell, globals_=False)
                committed = (COMPLETIONS / name).read_text(encoding="utf-8")
                self.assertEqual(committed, generated, f"completions/{name} is out of date: {REGENERATE}")

    def test_scripts_know_every_command_and_their_values(self):
        sandbox = FuSandbox(self)
        script = sandbox.ok("completion", "bash", globals_=False)
        for word in ("promise", "reschedule", "completion", "--outcome", "not-interested", "voicemail",
                     "'W:human|json|tsv|csv|markdown|vcard|ics'", "'D:contacts'", "'D:promises'"):
            self.assertIn(word, script)
        self.assertNotIn("__complete)", script, "the hidden command is offered")

    def test_an_unknown_shell_is_a_usage_error(self):
        sandbox = FuSandbox(self)
        r = sandbox.fail(2, "completion", "tcsh", globals_=False)
        self.assertIn('"tcsh"', r.err)
        self.assertIn("bash, zsh or fish", r.err)


class QuietAnswers(unittest.TestCase):
    def test_missing_database_is_an_empty_answer_and_stays_missing(self):
        sandbox = FuSandbox(self)
        for source in ("contacts", "promises"):
            r = sandbox.run("__complete", source, "a")
            self.assertEqual((r.status, r.out, r.err), (0, "", ""), str(r))
        self.assertFalse(sandbox.db.exists())
        self.assertFalse(sandbox.db.parent.exists(), "completion created the database directory")

    def test_contacts_promises_playbooks_and_zones(self):
        sandbox = ShellSandbox(self)
        before = sandbox.db.read_bytes()
        self.assertEqual(sandbox.ok("__complete", "contacts", "ad").splitlines(), ["Ada Lovelace", "Adele Goldberg"])
        self.assertEqual(sandbox.ok("__complete", "contacts", "ADA L").splitlines(), ["Ada Lovelace"])
        self.assertEqual(sandbox.ok("__complete", "promises", "").splitlines(), ["p1\tAda Lovelace: the quote"])
        self.assertEqual(sandbox.ok("__complete", "promises", "p2"), "")
        self.assertIn("post-sale", sandbox.ok("__complete", "playbooks", "po"))
        self.assertIn("Europe/London", sandbox.ok("__complete", "zones", "europe/lo").splitlines())
        self.assertEqual(sandbox.db.read_bytes(), before, "completion wrote to the database")

    def test_broken_settings_and_files_print_nothing(self):
        sandbox = FuSandbox(self)
        not_fu = sandbox.root / "not-fu.db"
        not_fu.write_text("not a database\n")
        bad_config = sandbox.root / "bad.toml"
        bad_config.write_text("workday = 3\n")
        for args in (["--db", str(not_fu), "__complete", "contacts", "a"],
                     ["--config", str(bad_config), "__complete", "contacts", "a"],
                     ["__complete", "nonsense", "a"]):
            with self.subTest(args=args):
                r = sandbox.run(*args, globals_=False)
                self.assertEqual((r.out, r.err), ("", ""), str(r))
                self.assertEqual(r.status, 1, str(r))
        self.assertEqual(not_fu.read_text(), "not a database\n")


def need(program, package):
    path = shutil.which(program)
    if path is None:
        raise unittest.SkipTest(f"{program} is not installed (Debian: apt-get install {package})")
    return path


class Bash(unittest.TestCase):
    """The completion function called as bash calls it: COMP_WORDS, COMP_CWORD, COMP_LINE, COMP_POINT."""

    HARNESS = r'''
comp() {
    COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
    _fu fu "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf '%s\n' "${COMPREPLY[@]}" | sort; echo --
}
complete -p fu
comp fu pro
comp fu --format ""
comp fu log ada --via e
comp fu log ad
comp fu log Ada\ L
comp fu log ada ""
comp fu promise ada tomorrow\ a
comp fu --db "$FU_DB" reschedule --promise ""
comp fu log --
'''

    def run_bash(self, with_bash_completion):
        bash = need("bash", "bash")
        sandbox = ShellSandbox(self)
        preamble = ""
        if with_bash_completion:
            library = Path("/usr/share/bash-completion/bash_completion")
            if not library.is_file():
                self.skipTest("bash-completion is not installed (Debian: apt-get install bash-completion)")
            preamble = f"source {library}\n"
        script = preamble + f"source {COMPLETIONS / 'fu.bash'}\n" + self.HARNESS
        proc = subprocess.run([bash, "--norc", "--noprofile", "-c", script], env=sandbox.shell_env(),
                              capture_output=True, text=True, timeout=60, cwd=sandbox.root)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stderr, "")
        first, *rest = proc.stdout.split("\n", 1)
        self.assertEqual(first, "complete -F _fu fu")
        answers = [block.strip("\n").split("\n") if block.strip("\n") else []
                   for block in rest[0].split("--\n")[:-1]]
        return answers

    def check(self, answers):
        (pro, formats, via, ad, ada_l, kinds, phrases, promises, options) = answers
        self.assertEqual(pro, ["promise"])
        self.assertEqual(formats, sorted(["human", "json", "tsv", "csv", "markdown", "vcard", "ics"]))
        self.assertEqual(via, ["email"])
        self.assertEqual(ad, ["Ada\\ Lovelace", "Adele\\ Goldberg"])
        self.assertEqual(ada_l, ["Ada\\ Lovelace"])
        self.assertIn("voicemail", kinds)
        self.assertEqual(phrases, ["tomorrow\\ afternoon"])
        self.assertEqual(promises, ["p1"])
        self.assertIn("--outcome", options)
        self.assertIn("--db", options)

    def test_with_bash_completion(self):
        self.check(self.run_bash(True))

    def test_without_bash_completion(self):
        self.check(self.run_bash(False))


class Fish(unittest.TestCase):
    def complete(self, sandbox, line):
        fish = need("fish", "fish")
        proc = subprocess.run([fish, "--no-config", "-c",
                               f"source {COMPLETIONS / 'fu.fish'}; complete --do-complete {line!r}"],
                              env=sandbox.shell_env(), capture_output=True, text=True, timeout=60,
                              cwd=sandbox.root)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stderr, "")
        return [entry.split("\t")[0] for entry in proc.stdout.splitlines()]

    def test_commands_values_and_names(self):
        need("fish", "fish")
        sandbox = ShellSandbox(self)
        self.assertEqual(self.complete(sandbox, "fu pro"), ["promise"])
        self.assertIn("due", self.complete(sandbox, "fu "))
        self.assertEqual(self.complete(sandbox, "fu --format j"), ["json"])
        self.assertEqual(self.complete(sandbox, "fu log ada --outcome not-"), ["not-interested", "not-now"])
        # One candidate per name, spaces and all: fish escapes a candidate as it inserts it.
        self.assertEqual(self.complete(sandbox, "fu log ad"), ["Ada Lovelace", "Adele Goldberg"])
        self.assertEqual(self.complete(sandbox, "fu log Ada\\ L"), ["Ada Lovelace"])
        self.assertEqual(self.complete(sandbox, "fu log 'ada l"), ["Ada Lovelace"])
        self.assertIn("--outcome", self.complete(sandbox, "fu log --out"))


class Zsh(unittest.TestCase):
    """An interactive zsh in a pty, with compinit and completions/ in $fpath: Tab is pressed and the
    line read back (Ctrl-X writes $BUFFER to a file); compadd is wrapped to record what was offered."""

    RC = r'''
PS1='> '
fpath=({completions} $fpath)
autoload -Uz compinit && compinit -u -d {root}/zcompdump
compadd() {{
    # compadd given -O, -A or -D only computes: pass it through (the zsh-capture-completion trick)
    if [[ ${{@[1,(i)(-|--)]}} == *-(O|A|D)\ * ]]; then
        builtin compadd "$@"
        return
    fi
    local -a hits
    builtin compadd -O hits "$@"
    (( ${{#hits}} )) && print -rl -- $hits >> {root}/offered
    builtin compadd "$@"
}}
dump-buffer() {{ print -r -- "$BUFFER" > {root}/buffer.new && mv {root}/buffer.new {root}/buffer; }}
zle -N dump-buffer
bindkey '^X' dump-buffer
print ready
'''

    def setUp(self):
        self.zsh = need("zsh", "zsh")
        import pty  # noqa: PLC0415 - only where a pty is used
        self.pty = pty
        self.sandbox = ShellSandbox(self)
        self.rcdir = self.sandbox.root / "zdot"
        self.rcdir.mkdir()
        (self.rcdir / ".zshrc").write_text(self.RC.format(completions=COMPLETIONS, root=self.sandbox.root))
        pid, self.fd = pty.fork()
        if pid == 0:
            os.execve(self.zsh, [self.zsh, "-i"], self.sandbox.shell_env({"ZDOTDIR": str(self.rcdir)}))
        self.pid = pid
        self.addCleanup(self.stop)
        self.read_until(b"ready")

    def stop(self):
        try:
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        os.close(self.fd)

    def read_until(self, marker, timeout=20):
        import select  # noqa: PLC0415
        import time  # noqa: PLC0415
        seen = b""
        deadline = time.monotonic() + timeout
        while marker not in seen:
            left = deadline - time.monotonic()
            self.assertGreater(left, 0, f"zsh did not print {marker!r}: {seen[-500:]!r}")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    seen += os.read(self.fd, 4096)
                except OSError:
                    break
        return seen

    def drain(self):
        """Reads what zsh printed so far, so that it never blocks on a full pty."""
        import select  # noqa: PLC0415
        while select.select([self.fd], [], [], 0)[0]:
            try:
                if not os.read(self.fd, 65536):
                    return
            except OSError:
                return

    def tab(self, typed):
        """Types `typed`, presses Tab, and returns (the line after it, what was offered)."""
        import time  # noqa: PLC0415
        root = self.sandbox.root
        for name in ("buffer", "offered"):
            (root / name).unlink(missing_ok=True)
        os.write(self.fd, typed.encode() + b"\t")
        time.sleep(0.1)  # Tab first; zsh reads the keys in order anyway
        os.write(self.fd, b"\x18")
        deadline = time.monotonic() + 20
        while not (root / "buffer").exists():
            self.assertLess(time.monotonic(), deadline, f"no completion for {typed!r}")
            self.drain()
            time.sleep(0.05)
        line = (root / "buffer").read_text().rstrip("\n")
        offered = (root / "offered").read_text().split("\n")[:-1] if (root / "offered").exists() else []
        os.write(self.fd, b"\x15")  # kill the line for the next one
        return line, offered

    def test_commands_values_and_names(self):
        self.assertEqual(self.tab("fu pro")[0], "fu promise ")
        self.assertEqual(self.tab("fu --format ma")[0], "fu --format markdown ")
        _, formats = self.tab("fu --format ")
        self.assertEqual(sorted(formats), sorted(["human", "json", "tsv", "csv", "markdown", "vcard", "ics"]))
        self.assertEqual(self.tab("fu log ada --via em")[0], "fu log ada --via email ")
        self.assertEqual(self.tab("fu log gr")[0], "fu log Grace\\ Hopper ")
        self.assertEqual(self.tab("fu log ada\\ l")[0], "fu log Ada\\ Lovelace ")
        _, names = self.tab("fu show ad")
        self.assertEqual(sorted(names), ["Ada Lovelace", "Adele Goldberg"])


if __name__ == "__main__":
    unittest.main()
