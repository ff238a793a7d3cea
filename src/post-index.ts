// The post step's bundle entry (dist/post/index.js).
import { runPost } from './post.js'

await runPost()
