// One language of the error catalogue (vite.config.ts `errorTexts`): code -> text.
declare module "virtual:error-texts/*" {
  const texts: Record<string, string>;
  export default texts;
}
