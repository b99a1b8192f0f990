// The story editor's own blocks (articles/story_blocks.py): a picture from the
// library, a pull quote and an embed. The body stores references only; the reader
// page draws them. Loaded by django-prose-editor as an extension module.
import { Node, mergeAttributes } from "django-prose-editor/editor"

// Django's related-lookup popup (the picture library's change list) reports the
// chosen picture to an input named after the popup window; listen on a hidden one.
function choosePicture(onChosen) {
  const id = "story-picture-choice"
  let input = document.getElementById(id)
  if (!input) {
    input = document.createElement("input")
    input.type = "hidden"
    input.id = id
    document.body.append(input)
  }
  window.django.jQuery(input).off("change").on("change", () => {
    if (/^\d+$/.test(input.value)) onChosen(input.value)
    input.value = ""
  })
  const url = `/admin/articles/image/?_popup=1&_to_field=id`
  const popup = window.open(url, `${id}__1`, "height=600,width=900,resizable=yes,scrollbars=yes")
  if (popup) popup.focus()
}

export const StoryPicture = Node.create({
  name: "storyPicture",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      image: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-image"),
        renderHTML: (attributes) => ({ "data-image": attributes.image }),
      },
    }
  },
  parseHTML() {
    return [{ tag: "figure.story-picture" }]
  },
  renderHTML({ HTMLAttributes }) {
    return ["figure", mergeAttributes({ class: "story-picture" }, HTMLAttributes)]
  },
  addMenuItems({ menu, buttons }) {
    menu.defineItem({
      name: "storyPicture",
      groups: "nodes",
      button: buttons.material("image", "Picture from the library"),
      command(editor) {
        choosePicture((image) => {
          editor.chain().focus().insertContent({ type: "storyPicture", attrs: { image } }).run()
        })
      },
    })
  },
})

export const PullQuote = Node.create({
  name: "pullQuote",
  group: "block",
  content: "paragraph+",
  defining: true,
  parseHTML() {
    return [{ tag: "aside.pull-quote" }]
  },
  renderHTML({ HTMLAttributes }) {
    return ["aside", mergeAttributes({ class: "pull-quote" }, HTMLAttributes), 0]
  },
  addMenuItems({ menu, buttons }) {
    menu.defineItem({
      name: "pullQuote",
      groups: "nodes",
      button: buttons.material("format_quote", "Pull quote"),
      command(editor) {
        editor.chain().focus().toggleWrap("pullQuote").run()
      },
      active: (editor) => editor.isActive("pullQuote"),
    })
  },
})

export const Embed = Node.create({
  name: "embed",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes() {
    const attribute = (name) => ({
      default: null,
      parseHTML: (element) => element.getAttribute(`data-${name}`),
      renderHTML: (attributes) =>
        attributes[name] ? { [`data-${name}`]: attributes[name] } : {},
    })
    return { provider: attribute("provider"), id: attribute("id"), url: attribute("url") }
  },
  parseHTML() {
    return [{ tag: "figure.embed" }]
  },
  renderHTML({ HTMLAttributes }) {
    return ["figure", mergeAttributes({ class: "embed" }, HTMLAttributes)]
  },
  addMenuItems({ menu, buttons }) {
    menu.defineItem({
      name: "embed",
      groups: "nodes",
      button: buttons.material("notes", "Embed a video or post"),
      command(editor) {
        const url = window.prompt(
          "Address of the video or post (YouTube, Vimeo, X, Bluesky, Instagram, TikTok, Mastodon):",
        )
        if (url && url.trim()) {
          editor.chain().focus().insertContent({ type: "embed", attrs: { url: url.trim() } }).run()
        }
      },
    })
  },
})
