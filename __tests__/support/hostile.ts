// Text a hostile buildspec or pull request author can put in front of the action: error messages, approval
// comments, stop reasons, summaries. Each tries to start a line the runner would execute as a workflow command.
export const HOSTILE_TEXTS: Record<string, string> = {
  'newline then ::stop-commands::': 'build failed\n::stop-commands::pwned',
  'newline then ::add-mask::': 'ok\n::add-mask::Succeeded',
  'newline then ::error::': 'x\n::error title=forged::Deploy approved by security',
  'CRLF then ::warning::': 'x\r\n::warning::forged warning',
  'lone CR then ::notice::': 'x\r::notice::forged notice',
  'leading ::set-output': '::set-output name=status::Succeeded',
  'leading spaces then ::': '   ::error::indented',
  'legacy ##[ command': 'y\n##[error]legacy forged',
  'escaped newline %0A': 'z%0A::error::percent-encoded',
  'NEL and line separator': 'a\u0085::error::nel\u2028::error::ls',
  'ANSI escape': '\u001b[2K\u001b[1Gcleared line',
  'emoji and astral characters': '🚀 deploy 👩‍💻 failed 𝕏',
  markup: '<script>alert(1)</script> **bold** @octocat | cell'
}

/** A very long message: longer than any log or summary cut, with an emoji straddling every cut point. */
export const LONG_HOSTILE = `${'🚀'.repeat(5000)}\n::error::after the flood`

/** The commands an un-neutralised hostile text would have started. */
export const FORGED_COMMAND =
  /^\s*(::(stop-commands|add-mask|error title=forged|warning::forged|notice::forged|set-output|error::(indented|percent|nel|ls|after))|##\[error\]legacy)/m
